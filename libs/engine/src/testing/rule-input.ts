import type { ConsignmentManifest, MovementEvent, SanctionsScreener, Stage } from '@chokepoint/contracts';
import type { ConsignmentState } from '../consignment/consignment-state.types';
import { buildJourneyFacts } from '../consignment/journey-facts';
import {
  buildScreeningInput,
  screenSanctions,
  termsOf,
  vesselsOf,
} from '../consignment/screening-input.builder';
import type { RulePack } from '../rule-pack/rule-pack.types';
import type { RuleFinding, ScreeningInput, ScreeningRule } from '../rules/rule.types';
import { InMemorySanctionsScreener } from './in-memory-sanctions.screener';
import { manifest as manifestFactory } from './manifest.factory';
import { defaultRulePack } from './test-context';

export interface RuleInputOptions {
  manifest?: ConsignmentManifest;
  firstManifest?: ConsignmentManifest;
  movements?: MovementEvent[];
  stage?: Stage;
  now?: string;
  sanctions?: SanctionsScreener;
  pack?: RulePack;
}

/** The input a rule sees for a consignment built from factories, without the state machine. */
export function ruleInput(options: RuleInputOptions = {}): ScreeningInput {
  const pack = options.pack ?? defaultRulePack();
  const manifest = options.manifest ?? manifestFactory();
  const movements = options.movements ?? [];
  const sanctions = options.sanctions ?? new InMemorySanctionsScreener();
  const partial = { manifest, movements };
  const vessels = vesselsOf(partial);
  const state: ConsignmentState = {
    stateVersion: 1,
    consignmentId: manifest.transportDocumentReference,
    manifest,
    manifestVersion: 1,
    firstTerms: termsOf(options.firstManifest ?? manifest),
    amendments: [],
    movements,
    stage: options.stage ?? 'EXPORT',
    published: null,
    acknowledgedRuleIds: [],
    pendingApprovals: [],
    timers: [],
    closed: false,
    sanctions: screenSanctions(
      undefined,
      manifest.parties.map((p) => p.name),
      vessels.flatMap((v) => (v.vessel.imoNumber ? [v.vessel.imoNumber] : [])),
      sanctions,
    ),
  };
  const journey = buildJourneyFacts(movements, 'VN', pack);
  return buildScreeningInput(
    state,
    options.stage ?? 'EXPORT',
    journey,
    vessels,
    pack,
    options.now ?? manifest.receivedAt,
    'VN',
  );
}

export function runRule(rule: ScreeningRule, options: RuleInputOptions = {}): RuleFinding[] {
  const input = ruleInput(options);
  const pack = options.pack ?? defaultRulePack();
  const settings = pack.rules.get(rule.id);
  if (!settings) {
    throw new Error(`no settings for ${rule.id}`);
  }
  return rule.evaluate(input, settings);
}

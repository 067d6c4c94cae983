import type { SanctionsScreener } from '@chokepoint/contracts';
import type { ScreeningContext } from '../consignment/consignment-state.types';
import { loadRulePackFile } from '../rule-pack/rule-pack.file';
import type { RulePack } from '../rule-pack/rule-pack.types';
import { ScreeningWorld } from '../world/screening-world';
import { InMemorySanctionsScreener } from './in-memory-sanctions.screener';

let defaultPack: RulePack | undefined;

/** The shipped VN pack, loaded once per test file. */
export function defaultRulePack(): RulePack {
  defaultPack ??= loadRulePackFile();
  return defaultPack;
}

export function screeningContext(overrides: Partial<ScreeningContext> = {}): ScreeningContext {
  return {
    now: '2026-03-01T08:00:00.000Z',
    jurisdiction: 'VN',
    rulePack: defaultRulePack(),
    sanctions: new InMemorySanctionsScreener(),
    ...overrides,
  };
}

export function testWorld(sanctions: SanctionsScreener = new InMemorySanctionsScreener()): ScreeningWorld {
  return new ScreeningWorld({ jurisdiction: 'VN', rulePack: defaultRulePack(), sanctions });
}

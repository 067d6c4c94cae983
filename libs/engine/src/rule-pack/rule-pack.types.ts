import type { RiskCategory, RuleId } from '@chokepoint/contracts';
import type { HsIndex } from './hs-index';
import type { KeywordMatcher } from './keyword-matcher';

export const HS_LIST_NAMES = ['military', 'missile', 'nuclear', 'chemicalBiological', 'dualUse'] as const;
export type HsListName = (typeof HS_LIST_NAMES)[number];

/** Rules an HS list can feed: hard holds for munitions and nuclear, a flag for the watch lists. */
export const HS_LIST_RULES = ['HS_MILITARY', 'HS_NUCLEAR', 'HS_DUAL_USE'] as const;
export type HsListRule = (typeof HS_LIST_RULES)[number];

export interface HsListEntry {
  /** Digits only: a chapter (2), heading (4) or subheading (6, 8, 10). */
  code: string;
  category: RiskCategory;
  description: string;
  list: HsListName;
  rule: HsListRule;
}

export interface KeywordEntry {
  term: string;
  category: RiskCategory;
}

export type EmbargoRegime = 'ALL_CARGO' | 'ARMS';

export interface EmbargoEntry {
  country: string;
  regime: EmbargoRegime;
  checked: string;
  source: string;
  note?: string;
}

export interface RiskyFlagState {
  country: string;
  mmsiPrefixes: string[];
}

export interface RulePackLimits {
  transitMaxHours: number;
  dwellMaxHours: number;
  weightTolerancePercent: number;
  /** Movements waiting for their manifest are dropped after this long (event time). */
  pendingMovementMaxHours: number;
}

/** Per-rule settings as written in the pack, checked by each rule's own schema. */
export type RawRuleSettings = Record<string, unknown>;

/** A validated, indexed rule pack: everything the rules need, precomputed at load. */
export interface RulePack {
  id: string;
  version: string;
  jurisdiction: string;
  source: string;
  contentHash: string;
  /** `<version>+sha256:<first 12 hex>`, recorded on every decision. */
  ruleSetVersion: string;
  holdThreshold: number;
  limits: RulePackLimits;
  sanctionsMinScore: number;
  hsIndex: HsIndex;
  strategicKeywords: KeywordMatcher;
  vagueTerms: KeywordMatcher;
  vagueFillerWords: ReadonlySet<string>;
  vagueMinMeaningfulLength: number;
  consigneeIntermediaryKeywords: KeywordMatcher;
  embargoes: ReadonlyMap<string, EmbargoEntry>;
  highRiskHubs: ReadonlySet<string>;
  freeZones: ReadonlySet<string>;
  freeZoneNameKeywords: KeywordMatcher;
  borderCrossings: ReadonlySet<string>;
  riskyFlagStates: ReadonlyMap<string, RiskyFlagState>;
  riskyMmsiPrefixes: ReadonlyMap<string, string>;
  /** Settings of each rule after its schema accepted them (enabled flag, score, extras). */
  rules: ReadonlyMap<RuleId, RuleSettings>;
}

export interface RuleSettings {
  enabled: boolean;
  /** FLAG score (ignored by HOLD-only rules). */
  score: number;
  /** Rule-specific numbers and switches, validated by the rule's schema. */
  params: Readonly<Record<string, number | boolean | string | string[]>>;
}

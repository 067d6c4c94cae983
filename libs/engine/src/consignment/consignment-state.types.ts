import type {
  ConsignmentManifest,
  DecisionEvent,
  DecisionOutcome,
  DecisionReason,
  DecisionSource,
  MovementEvent,
  RiskCategory,
  RuleId,
  SanctionsHit,
  SanctionsScreener,
  Stage,
} from '@chokepoint/contracts';
import type { RulePack } from '../rule-pack/rule-pack.types';
import type { GoodsFactsCache } from './goods-facts.cache';

export const CONSIGNMENT_STATE_VERSION = 1;

export type TimerRuleId = Extract<RuleId, 'TRANSIT_OVERDUE' | 'DWELL_EXCEEDED'>;

/** A timer the host must arm; `timerId` is stable so setting it again replaces the earlier one. */
export interface TimerSpec {
  timerId: string;
  consignmentId: string;
  ruleId: TimerRuleId;
  dueAt: string;
  equipmentReference?: string;
}

/** What an amendment changed compared to the first manifest. */
export interface ManifestTerms {
  placeOfDelivery: string | null;
  destinationCountry: string | null;
  consigneeName: string | null;
  consigneeCountry: string | null;
}

export interface AmendmentRecord {
  version: number;
  receivedAt: string;
  changed: ('DESTINATION' | 'CONSIGNEE')[];
  before: ManifestTerms;
  after: ManifestTerms;
}

/** The effective decision as last published for a consignment. */
export interface PublishedDecision {
  decisionId: string;
  sequence: number;
  decision: DecisionOutcome;
  source: DecisionSource;
  stage: Stage;
  decidedAt: string;
  categories: RiskCategory[];
  /** Rule ids with outcome HOLD listed by this decision (and, for a HOLD, carried on while it sticks). */
  holdRuleIds: RuleId[];
  reasons: DecisionReason[];
}

export interface OfficerApproval {
  officerId: string;
  at: string;
  actionId: string;
}

/** Sanctions answers memoised per list versions, so later events do not screen the same names again. */
export interface SanctionsMemo {
  listKey: string;
  names: Record<string, SanctionsHit[]>;
  imos: Record<string, SanctionsHit[]>;
}

/**
 * Everything the engine knows about one consignment. Plain JSON (no Map, Date or class), so a host can
 * store it as jsonb and hand it back unchanged; the engine never mutates a state it was given.
 */
export interface ConsignmentState {
  stateVersion: typeof CONSIGNMENT_STATE_VERSION;
  consignmentId: string;
  manifest: ConsignmentManifest;
  manifestVersion: number;
  firstTerms: ManifestTerms;
  amendments: AmendmentRecord[];
  /** Applied movements (UPSERTs, retracted ones removed), ordered by event time then arrival. */
  movements: MovementEvent[];
  /** Resolved stage; null while the consignment is out of scope. */
  stage: Stage | null;
  published: PublishedDecision | null;
  /** HOLD rule ids an officer has already released; only a rule outside this set holds again. */
  acknowledgedRuleIds: RuleId[];
  /** First officer's release of a hold that needs two officers. */
  pendingApprovals: OfficerApproval[];
  timers: TimerSpec[];
  /** Left the jurisdiction or emptied: no longer joined by equipment reference alone. */
  closed: boolean;
  sanctions: SanctionsMemo;
}

export interface ScreeningContext {
  /** Event time (ISO-8601) of what is being applied. */
  now: string;
  jurisdiction: string;
  rulePack: RulePack;
  sanctions: SanctionsScreener;
  /** Where a host that keeps states in memory keeps goods lookups between screenings (optional). */
  goodsFactsCache?: GoodsFactsCache;
}

export interface TimerChanges {
  set: TimerSpec[];
  cancel: string[];
}

export interface ConsignmentTransition {
  state: ConsignmentState;
  decisions: DecisionEvent[];
  timers: TimerChanges;
}

export interface OfficerAction {
  /** Unique id of the officer's action (audit id); makes the decision id deterministic. */
  actionId: string;
  officerId: string;
  action: 'RELEASE' | 'HOLD';
  at: string;
  note?: string;
}

export type OfficerActionStatus =
  | 'RELEASED'
  | 'HELD'
  | 'AWAITING_SECOND_OFFICER'
  | 'SAME_OFFICER_AGAIN'
  | 'NOTHING_TO_RELEASE'
  | 'ALREADY_HELD'
  | 'OUT_OF_SCOPE';

export interface OfficerTransition extends ConsignmentTransition {
  status: OfficerActionStatus;
}

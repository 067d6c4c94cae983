/** Shapes of the ops API (apps/ops/API.md). The decision event is the pinned contract itself. */
import type {
  DecisionEvent,
  DecisionReason,
  RiskCategory,
  RuleId,
  Stage,
} from '../../../../../libs/contracts/src/decisions/decision-event';

export type { DecisionEvent, DecisionReason, RiskCategory, RuleId, Stage };

export const ROLES = ['viewer', 'officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export type AssignableUser = Pick<User, 'id' | 'displayName' | 'roles'>;

export const HOLD_STATUSES = [
  'OPEN',
  'CLAIMED',
  'INFO_REQUESTED',
  'REFERRED',
  'AWAITING_SECOND_OFFICER',
  'RELEASED',
  'SEIZED',
] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

export const SLA_STATES = ['BREACHED', 'NEAR', 'OK', 'PAUSED'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export type DeadlineBasis = 'ONWARD_DEPARTURE' | 'LOADING' | 'ARRIVAL' | 'CONFIGURED';

export interface HoldSummary {
  consignmentId: string;
  status: HoldStatus;
  stage: Stage;
  categories: RiskCategory[];
  ruleIds: RuleId[];
  score: number;
  heldAt: string;
  deadline: string;
  deadlineBasis: DeadlineBasis;
  slaState: SlaState;
  assignee: { id: string; displayName: string } | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  placeOfDelivery: string | null;
  decisionSequence: number;
  updatedAt: string;
}

export interface HoldPage {
  items: HoldSummary[];
  nextCursor: string | null;
  counts: {
    total: number;
    byStatus: Record<string, number>;
    bySla: Partial<Record<SlaState, number>>;
  };
}

export type RouteRole = 'RECEIPT' | 'LOADING' | 'DISCHARGE' | 'DELIVERY' | 'TRANSSHIPMENT';

export interface ManifestChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ConsignmentStory {
  hold: HoldSummary | null;
  route: { role: RouteRole; unLocode: string; name: string | null }[];
  parties: { role: string; name: string; countryCode: string | null }[];
  goods: { hsCodes: string[]; description: string; grossWeightKg: number | null }[];
  manifestVersions: { version: number; receivedAt: string; changes: ManifestChange[] }[];
  containers: { reference: string; expectedSeals: string[]; observedSeals: string[] }[];
  movements: {
    eventId: string;
    eventCode: string;
    classifier: string;
    eventDateTime: string;
    location: string | null;
    equipmentReference: string | null;
  }[];
  decisions: DecisionEvent[];
  notes: { id: string; author: string; text: string; createdAt: string }[];
  actions: { id: string; type: string; actor: string; at: string; detail: unknown }[];
}

export interface Dashboard {
  holdsByStage: Record<string, number>;
  holdsByRule: Record<string, number>;
  slaBreaches: number;
  nearBreaches: number;
  decisionsPerHour: { hour: string; HOLD: number; RELEASE: number }[];
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fieldErrors?: FieldError[];
}

export const RELEASE_REASON_CODES = [
  'LICENCE_VERIFIED',
  'FALSE_POSITIVE_MATCH',
  'INSPECTION_CLEAR',
  'DOCUMENTS_CORRECTED',
  'OTHER',
] as const;
export type ReleaseReasonCode = (typeof RELEASE_REASON_CODES)[number];

export const STAGES: readonly Stage[] = ['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT'];

export const RISK_CATEGORIES: readonly RiskCategory[] = [
  'NUCLEAR',
  'CHEMICAL_BIOLOGICAL',
  'MISSILE',
  'MILITARY',
  'DUAL_USE',
  'SANCTIONS',
  'EMBARGO',
  'INTEGRITY',
  'OTHER',
];

/** Categories whose release takes two different officers (DESIGN.md). */
export const TWO_OFFICER_CATEGORIES: readonly RiskCategory[] = ['NUCLEAR', 'CHEMICAL_BIOLOGICAL', 'MISSILE'];

export { RULE_IDS } from '../../../../../libs/contracts/src/decisions/decision-event';

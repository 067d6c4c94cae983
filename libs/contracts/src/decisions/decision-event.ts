/** Value of chokepoint.decisions.v1 and one line of the replay CLI output, pinned by DESIGN.md. */
export type DecisionOutcome = 'HOLD' | 'RELEASE';
export type Stage = 'EXPORT' | 'IMPORT' | 'TRANSIT' | 'TRANSSHIPMENT';
export type DecisionSource = 'RULES' | 'OFFICER';
export type RiskCategory =
  | 'NUCLEAR'
  | 'CHEMICAL_BIOLOGICAL'
  | 'MISSILE'
  | 'MILITARY'
  | 'DUAL_USE'
  | 'SANCTIONS'
  | 'EMBARGO'
  | 'INTEGRITY'
  | 'OTHER';

export const RULE_IDS = [
  'HS_MILITARY',
  'HS_NUCLEAR',
  'HS_DUAL_USE',
  'LICENCE_MISSING',
  'DESCRIPTION_KEYWORD',
  'VAGUE_DESCRIPTION',
  'PARTY_SANCTIONED',
  'VESSEL_SANCTIONED',
  'FLAG_STATE_RISK',
  'EMBARGO_DESTINATION',
  'DESTINATION_CHANGED',
  'CONSIGNEE_CHANGED',
  'SEAL_MISMATCH',
  'UNEXPECTED_STUFFING',
  'TRANSIT_OVERDUE',
  'DWELL_EXCEEDED',
  'ROUTE_ANOMALY',
  'WEIGHT_DISCREPANCY',
  'INVALID_EQUIPMENT_ID',
  'INVALID_VESSEL_ID',
  'FORWARDER_CONSIGNEE',
  'FREE_ZONE_DESTINATION',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface DecisionReason {
  ruleId: RuleId;
  outcome: 'HOLD' | 'FLAG';
  score: number;
  message: string;
  evidence: Record<string, unknown>;
}

export interface DecisionTrigger {
  type: 'MANIFEST' | 'MOVEMENT' | 'TIMER' | 'OFFICER';
  eventId: string;
}

export interface DecisionEvent {
  decisionId: string;
  consignmentId: string;
  sequence: number;
  decision: DecisionOutcome;
  stage: Stage;
  source: DecisionSource;
  decidedAt: string;
  jurisdiction: string;
  score: number;
  categories: RiskCategory[];
  reasons: DecisionReason[];
  equipmentReferences: string[];
  ruleSetVersion: string;
  listVersions: Record<string, string>;
  triggeredBy: DecisionTrigger;
  supersedes: string | null;
}

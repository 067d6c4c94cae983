import type { DecisionEvent } from '@chokepoint/contracts';

/** The one thing ops asks of screening: apply an officer's decision to a consignment. */
export const OFFICER_DECISION_GATEWAY = Symbol('OFFICER_DECISION_GATEWAY');

export const OFFICER_DECISION_STATUSES = [
  'RELEASED',
  'HELD',
  'AWAITING_SECOND_OFFICER',
  'SAME_OFFICER_AGAIN',
  'NOTHING_TO_RELEASE',
  'ALREADY_HELD',
  'OUT_OF_SCOPE',
] as const;
export type OfficerDecisionStatus = (typeof OFFICER_DECISION_STATUSES)[number];

export interface OfficerDecisionRequest {
  /** Unique per officer action; screening derives the decision id from it. */
  actionId: string;
  consignmentId: string;
  officerId: string;
  action: 'RELEASE' | 'HOLD';
  reasonCode: string;
  text: string;
}

export interface OfficerDecisionResult {
  status: OfficerDecisionStatus;
  decision?: DecisionEvent;
}

export interface OfficerDecisionGateway {
  submit(request: OfficerDecisionRequest): Promise<OfficerDecisionResult>;
}

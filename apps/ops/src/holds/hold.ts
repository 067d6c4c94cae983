import type { SlaPause } from '@chokepoint/persistence';
import type { DeadlineBasis } from '../sla/sla-deadline';

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

/** Still in the queue: not released and not seized. */
export const ACTIVE_HOLD_STATUSES: readonly HoldStatus[] = [
  'OPEN',
  'CLAIMED',
  'INFO_REQUESTED',
  'REFERRED',
  'AWAITING_SECOND_OFFICER',
];

/** Categories whose release takes two different officers (DESIGN.md). */
export const TWO_OFFICER_CATEGORIES: readonly string[] = ['NUCLEAR', 'CHEMICAL_BIOLOGICAL', 'MISSILE'];

/** One row of ops_hold, in domain terms. */
export interface Hold {
  consignmentId: string;
  status: HoldStatus;
  stage: string;
  categories: string[];
  ruleIds: string[];
  score: number;
  heldAt: Date;
  decisionSequence: number;
  decisionId: string;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  placeOfDelivery: string | null;
  baseDeadline: Date;
  deadlineBasis: DeadlineBasis;
  deadline: Date;
  slaPausedSince: Date | null;
  slaPausedMs: number;
  slaPauses: SlaPause[];
  assigneeId: string | null;
  firstReleaseBy: string | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface HoldWithAssignee extends Hold {
  assigneeName: string | null;
}

export function isActive(status: HoldStatus): boolean {
  return ACTIVE_HOLD_STATUSES.includes(status);
}

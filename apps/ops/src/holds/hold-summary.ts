import { displayedDeadline, slaStateOf, type SlaState } from '../sla/sla-clock';
import type { DeadlineBasis } from '../sla/sla-deadline';
import type { Hold, HoldStatus, HoldWithAssignee } from './hold';

/** HoldSummary of the API contract. */
export interface HoldSummary {
  consignmentId: string;
  status: HoldStatus;
  stage: string;
  categories: string[];
  ruleIds: string[];
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

export function toHoldSummary(hold: HoldWithAssignee, now: Date, nearMs: number): HoldSummary {
  const facts = { deadline: hold.deadline, pausedSince: hold.slaPausedSince, closedAt: hold.closedAt };
  return {
    consignmentId: hold.consignmentId,
    status: hold.status,
    stage: hold.stage,
    categories: hold.categories,
    ruleIds: hold.ruleIds,
    score: hold.score,
    heldAt: hold.heldAt.toISOString(),
    deadline: displayedDeadline(facts, now).toISOString(),
    deadlineBasis: hold.deadlineBasis,
    slaState: slaStateOf(facts, now, nearMs),
    assignee: hold.assigneeId
      ? { id: hold.assigneeId, displayName: hold.assigneeName ?? hold.assigneeId }
      : null,
    portOfLoading: hold.portOfLoading,
    portOfDischarge: hold.portOfDischarge,
    placeOfDelivery: hold.placeOfDelivery,
    decisionSequence: hold.decisionSequence,
    updatedAt: hold.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a hold before and after a change. */
export function auditSnapshot(hold: Hold | null): Record<string, unknown> | null {
  if (!hold) {
    return null;
  }
  return {
    status: hold.status,
    stage: hold.stage,
    categories: hold.categories,
    ruleIds: hold.ruleIds,
    score: hold.score,
    heldAt: hold.heldAt.toISOString(),
    decisionSequence: hold.decisionSequence,
    deadline: hold.deadline.toISOString(),
    deadlineBasis: hold.deadlineBasis,
    slaPausedSince: hold.slaPausedSince?.toISOString() ?? null,
    assigneeId: hold.assigneeId,
    firstReleaseBy: hold.firstReleaseBy,
    closedAt: hold.closedAt?.toISOString() ?? null,
  };
}

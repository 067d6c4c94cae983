import type { DecisionEvent } from '@chokepoint/contracts';
import { resumeSla } from '../sla/sla-clock';
import type { SlaDeadline } from '../sla/sla-deadline';
import type { Hold } from './hold';

export interface HoldRoute {
  portOfLoading: string | null;
  portOfDischarge: string | null;
  placeOfDelivery: string | null;
}

export type ProjectionResult =
  | { kind: 'ignored'; reason: 'older_sequence' | 'no_hold' }
  | { kind: 'opened' | 'updated' | 'released'; hold: Hold };

export interface ProjectionContext {
  /** Deadline for a hold starting at heldAtFor(current, decision). */
  sla: SlaDeadline;
  route: HoldRoute;
  now: Date;
}

function union(left: readonly string[], right: readonly string[]): string[] {
  return [...new Set([...left, ...right])];
}

function reasonRuleIds(decision: DecisionEvent): string[] {
  return [...new Set(decision.reasons.map((reason) => reason.ruleId))];
}

/** A hold that is reopened after a release starts a new clock; an open one keeps its start. */
export function heldAtFor(current: Hold | null, decision: DecisionEvent): Date {
  return current && current.status !== 'RELEASED' ? current.heldAt : new Date(decision.decidedAt);
}

/**
 * How one decision changes the hold queue. Consumers keep the highest sequence, so an older or
 * repeated decision changes nothing. A HOLD opens a hold (or adds its reasons to the open one); a
 * RELEASE closes it.
 */
export function projectDecision(
  current: Hold | null,
  decision: DecisionEvent,
  context: ProjectionContext,
): ProjectionResult {
  if (current && decision.sequence <= current.decisionSequence) {
    return { kind: 'ignored', reason: 'older_sequence' };
  }
  const deadline = new Date(
    context.sla.deadline.getTime() + (current && current.status !== 'RELEASED' ? current.slaPausedMs : 0),
  );
  if (decision.decision === 'HOLD') {
    if (!current || current.status === 'RELEASED') {
      return {
        kind: 'opened',
        hold: {
          consignmentId: decision.consignmentId,
          status: 'OPEN',
          stage: decision.stage,
          categories: [...new Set(decision.categories)],
          ruleIds: reasonRuleIds(decision),
          score: decision.score,
          heldAt: new Date(decision.decidedAt),
          decisionSequence: decision.sequence,
          decisionId: decision.decisionId,
          ...context.route,
          baseDeadline: context.sla.deadline,
          deadlineBasis: context.sla.basis,
          deadline: context.sla.deadline,
          slaPausedSince: null,
          slaPausedMs: 0,
          slaPauses: [],
          assigneeId: current?.assigneeId ?? null,
          firstReleaseBy: null,
          closedAt: null,
          updatedAt: context.now,
        },
      };
    }
    // A new HOLD reason restarts screening's two-officer release, so the first approval lapses here too.
    const status =
      current.status === 'AWAITING_SECOND_OFFICER'
        ? current.assigneeId
          ? 'CLAIMED'
          : 'OPEN'
        : current.status;
    return {
      kind: 'updated',
      hold: {
        ...current,
        status,
        stage: decision.stage,
        categories: union(current.categories, decision.categories),
        ruleIds: union(current.ruleIds, reasonRuleIds(decision)),
        score: decision.score,
        decisionSequence: decision.sequence,
        decisionId: decision.decisionId,
        ...context.route,
        baseDeadline: context.sla.deadline,
        deadlineBasis: context.sla.basis,
        deadline,
        firstReleaseBy: status === current.status ? current.firstReleaseBy : null,
        updatedAt: context.now,
      },
    };
  }
  if (!current) {
    return { kind: 'ignored', reason: 'no_hold' };
  }
  if (current.status === 'RELEASED') {
    return {
      kind: 'updated',
      hold: {
        ...current,
        decisionSequence: decision.sequence,
        decisionId: decision.decisionId,
        updatedAt: context.now,
      },
    };
  }
  return {
    kind: 'released',
    hold: releasedHold(current, decision, new Date(decision.decidedAt), context.now),
  };
}

/** Closes a hold as RELEASED; a running pause ends at the release. */
export function releasedHold(current: Hold, decision: DecisionEvent | null, closedAt: Date, now: Date): Hold {
  const sla = resumeSla(
    { pauses: current.slaPauses, pausedSince: current.slaPausedSince, pausedMs: current.slaPausedMs },
    closedAt,
  );
  return {
    ...current,
    status: 'RELEASED',
    decisionSequence: decision
      ? Math.max(decision.sequence, current.decisionSequence)
      : current.decisionSequence,
    decisionId:
      decision && decision.sequence > current.decisionSequence ? decision.decisionId : current.decisionId,
    slaPauses: sla.pauses,
    slaPausedSince: null,
    slaPausedMs: sla.pausedMs,
    deadline: new Date(current.baseDeadline.getTime() + sla.pausedMs),
    firstReleaseBy: null,
    closedAt,
    updatedAt: now,
  };
}

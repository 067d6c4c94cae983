import type { SlaPause } from '@chokepoint/persistence';

export const SLA_STATES = ['OK', 'NEAR', 'BREACHED', 'PAUSED'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaFacts {
  deadline: Date;
  pausedSince: Date | null;
  closedAt: Date | null;
}

/**
 * Where a hold stands against its deadline. A closed hold is judged at its closing time. Keep in step
 * with slaStateSql, which filters and counts the same way in PostgreSQL.
 */
export function slaStateOf(facts: SlaFacts, now: Date, nearMs: number): SlaState {
  if (facts.pausedSince && !facts.closedAt) {
    return 'PAUSED';
  }
  const judgedAt = facts.closedAt ?? now;
  if (judgedAt.getTime() > facts.deadline.getTime()) {
    return 'BREACHED';
  }
  if (!facts.closedAt && facts.deadline.getTime() <= now.getTime() + nearMs) {
    return 'NEAR';
  }
  return 'OK';
}

/** SQL twin of slaStateOf over ops_hold aliased `h`; $now and $nearLimit (now + near window) are parameters. */
export function slaStateSql(nowParameter: string, nearLimitParameter: string): string {
  return `(CASE
    WHEN h.sla_paused_since IS NOT NULL AND h.closed_at IS NULL THEN 'PAUSED'
    WHEN COALESCE(h.closed_at, ${nowParameter}::timestamptz) > h.deadline THEN 'BREACHED'
    WHEN h.closed_at IS NULL AND h.deadline <= ${nearLimitParameter}::timestamptz THEN 'NEAR'
    ELSE 'OK' END)`;
}

/** The deadline as shown: while paused the clock is stopped, so the deadline moves with time. */
export function displayedDeadline(facts: SlaFacts, now: Date): Date {
  if (facts.pausedSince && !facts.closedAt) {
    return new Date(facts.deadline.getTime() + Math.max(0, now.getTime() - facts.pausedSince.getTime()));
  }
  return facts.deadline;
}

export interface SlaPauseState {
  pauses: SlaPause[];
  pausedSince: Date | null;
  pausedMs: number;
}

/** Stops the clock (request for information); pausing a paused clock changes nothing. */
export function pauseSla(state: SlaPauseState, at: Date): SlaPauseState {
  if (state.pausedSince) {
    return state;
  }
  return {
    pauses: [...state.pauses, { from: at.toISOString(), to: null }],
    pausedSince: at,
    pausedMs: state.pausedMs,
  };
}

/** Restarts the clock; the paused interval is kept and pushes the deadline back by its length. */
export function resumeSla(state: SlaPauseState, at: Date): SlaPauseState {
  if (!state.pausedSince) {
    return state;
  }
  const from = state.pausedSince;
  const pauses = state.pauses.map((pause) =>
    pause.to === null ? { ...pause, to: at.toISOString() } : pause,
  );
  return { pauses, pausedSince: null, pausedMs: state.pausedMs + Math.max(0, at.getTime() - from.getTime()) };
}

import { holdFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

const HOUR_MS = 3_600_000;

export function transitDeadlineMs(entryMs: number, transitMaxHours: number): number {
  return entryMs + transitMaxHours * HOUR_MS;
}

/** Goods declared in transit that have not left within the limit may have been diverted inside. */
export const transitOverdueRule: ScreeningRule = {
  id: 'TRANSIT_OVERDUE',
  version: 'TRANSIT_OVERDUE@1',
  stages: ['TRANSIT'],
  category: 'INTEGRITY',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    const { entry, exit } = input.journey;
    if (!entry || exit) {
      return [];
    }
    const limitHours = input.pack.limits.transitMaxHours;
    const dueMs = transitDeadlineMs(entry.atMs, limitHours);
    if (input.nowMs < dueMs) {
      return [];
    }
    return [
      holdFinding('TRANSIT_OVERDUE', ['INTEGRITY'], {
        enteredAt: entry.at,
        entryLocation: entry.location,
        limitHours,
        dueAt: new Date(dueMs).toISOString(),
        elapsedHours: Math.floor((input.nowMs - entry.atMs) / HOUR_MS),
      }),
    ];
  },
};

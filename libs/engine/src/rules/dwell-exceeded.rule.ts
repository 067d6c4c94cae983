import { flagFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

const HOUR_MS = 3_600_000;

export function dwellDeadlineMs(arrivedMs: number, dwellMaxHours: number): number {
  return arrivedMs + dwellMaxHours * HOUR_MS;
}

/** A transshipment box sitting at the hub past the limit: time to tamper, relabel or divert. */
export const dwellExceededRule: ScreeningRule = {
  id: 'DWELL_EXCEEDED',
  version: 'DWELL_EXCEEDED@1',
  stages: ['TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'FLAG',
  defaultScore: 40,
  params: {},
  evaluate(input, settings) {
    const limitHours = input.pack.limits.dwellMaxHours;
    const overdue = input.journey.stays
      .filter((stay) => input.nowMs >= dwellDeadlineMs(stay.arrivedMs, limitHours))
      .map((stay) => ({
        equipmentReference: stay.equipmentReference,
        location: stay.location,
        arrivedAt: stay.arrivedAt,
        dwellHours: Math.floor((input.nowMs - stay.arrivedMs) / HOUR_MS),
      }));
    if (overdue.length === 0) {
      return [];
    }
    return [flagFinding('DWELL_EXCEEDED', settings, ['INTEGRITY'], { limitHours, containers: overdue })];
  },
};

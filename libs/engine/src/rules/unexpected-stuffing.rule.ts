import { isInside } from '../consignment/location';
import { holdFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

const STUFFING_EVENTS = new Set(['STUF', 'STRP']);

/** Boxes in transshipment have no business being opened and repacked at the hub. */
export const unexpectedStuffingRule: ScreeningRule = {
  id: 'UNEXPECTED_STUFFING',
  version: 'UNEXPECTED_STUFFING@1',
  stages: ['TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    return input.journey.actual
      .filter((m) => STUFFING_EVENTS.has(m.eventCode) && isInside(m.location, input.jurisdiction))
      .map((m) =>
        holdFinding('UNEXPECTED_STUFFING', ['INTEGRITY'], {
          equipmentReference: m.equipmentReference ?? null,
          eventCode: m.eventCode,
          location: m.location?.unLocode ?? null,
          eventId: m.eventId,
          eventDateTime: m.eventDateTime,
        }),
      );
  },
};

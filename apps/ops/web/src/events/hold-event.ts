import { HOLD_STATUSES, type HoldSummary } from '../api/ops-api.types';

/** Events of GET /api/events. */
export type HoldEvent =
  { type: 'hold.upserted'; hold: HoldSummary } | { type: 'hold.removed'; consignmentId: string };

export const HOLD_EVENT_TYPES = ['hold.upserted', 'hold.removed'] as const;

function isHoldSummary(value: unknown): value is HoldSummary {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const hold = value as Record<string, unknown>;
  return (
    typeof hold.consignmentId === 'string' &&
    typeof hold.status === 'string' &&
    (HOLD_STATUSES as readonly string[]).includes(hold.status) &&
    typeof hold.heldAt === 'string' &&
    typeof hold.deadline === 'string' &&
    Array.isArray(hold.categories) &&
    Array.isArray(hold.ruleIds)
  );
}

/** Parses one server-sent event; anything malformed is dropped rather than breaking the queue. */
export function parseHoldEvent(type: string, data: string): HoldEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  if (type === 'hold.upserted' && isHoldSummary(payload)) {
    return { type, hold: payload };
  }
  if (
    type === 'hold.removed' &&
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as Record<string, unknown>).consignmentId === 'string'
  ) {
    return { type, consignmentId: (payload as { consignmentId: string }).consignmentId };
  }
  return null;
}

/** Reconnect delay after the n-th consecutive failure: 1 s, 2 s, 4 s … capped at 30 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

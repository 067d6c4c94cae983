import type { RejectionError } from '@chokepoint/contracts';
import { REJECTION_CODES } from '../rejection-codes';

/** The type-specific event code a TNT event must carry, e.g. TRANSPORT → transportEventTypeCode. */
export function eventCodeField(eventType: string): string {
  return `${eventType.toLowerCase()}EventTypeCode`;
}

export function missingEventCode(path: string, eventType: string): RejectionError {
  return {
    path,
    code: REJECTION_CODES.fieldRequired,
    message: `${path}: a ${eventType} event needs its event type code`,
  };
}

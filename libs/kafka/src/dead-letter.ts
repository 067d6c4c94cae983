import { createHash } from 'node:crypto';
import type { Message } from 'kafkajs';
import type { RejectionError, RejectionRecord } from '@chokepoint/contracts';
import type { InboundRecord } from './inbound-record';
import { messageSize } from './size-bounded-send';

/**
 * Bytes a dead-letter message may take (key, JSON value, headers). The value carries the original bytes
 * in base64, 4/3 of their size, so a record near the broker's message.max.bytes (2 MiB on the local
 * stack, 1 MiB by default) would not fit once rejected; the producer's send would fail on every retry
 * and stall the partition. Under 1 MiB, like DEFAULT_MAX_SEND_BYTES.
 */
export const DEFAULT_DEAD_LETTER_MAX_BYTES = 900 * 1024;

/** Error code added to a rejection whose value (or error list) was cut to fit the dead-letter topic. */
export const DEAD_LETTER_TRUNCATED_CODE = 'record.truncated_in_dlq';

export interface DeadLetterOptions {
  /** Size budget of one dead-letter message; DEFAULT_DEAD_LETTER_MAX_BYTES when absent. */
  maxBytes?: number;
}

// Room for the digits of the truncation message, which is sized before its numbers are known.
const SLACK_BYTES = 64;

function base64Headers(record: InboundRecord): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers)) {
    headers[name] = value.toString('base64');
  }
  return headers;
}

/** The dead-letter record for a rejected input: everything needed to see why and to replay it. */
export function toRejectionRecord(
  record: InboundRecord,
  errors: RejectionError[],
  rejectedAt: Date,
): RejectionRecord {
  return {
    sourceTopic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key === null ? null : record.key.toString('utf8'),
    value: record.value === null ? null : record.value.toString('base64'),
    headers: base64Headers(record),
    errors,
    rejectedAt: rejectedAt.toISOString(),
  };
}

function message(record: InboundRecord, rejection: RejectionRecord): Message {
  return {
    key: record.key,
    value: JSON.stringify(rejection),
    headers: {
      'chokepoint-source-topic': record.topic,
      'chokepoint-error-codes': [...new Set(rejection.errors.map((error) => error.code))].join(','),
    },
  };
}

function truncationError(
  value: Buffer | null,
  keptBytes: number,
  droppedErrors: number,
  totalErrors: number,
  headersDropped: boolean,
): RejectionError {
  const size = value?.length ?? 0;
  const parts = ['the rejection would exceed the dead-letter size budget'];
  if (keptBytes < size) {
    parts.push(`value is ${size} bytes, the first ${keptBytes} are kept`);
  }
  if (droppedErrors > 0) {
    parts.push(`${droppedErrors} of ${totalErrors} errors are left out`);
  }
  if (headersDropped) {
    parts.push('the original headers are left out');
  }
  return {
    path: '',
    code: DEAD_LETTER_TRUNCATED_CODE,
    message: `${parts.join('; ')}; read the whole record from its source topic, partition and offset`,
  };
}

/** JSON of a kept error plus a comma, and at most its code plus a comma in the codes header. */
const errorCost = (error: RejectionError): number =>
  Buffer.byteLength(JSON.stringify(error)) + Buffer.byteLength(error.code) + 2;

/**
 * The largest rejection that fits `maxBytes`. The value and the errors share the room: the errors get
 * what they need while the value keeps at least half, then the value takes the rest (its first bytes,
 * with its size and SHA-256). The original headers go only when nothing else fits. The key stays: it
 * keeps the rejection on the partition of the record it rejects.
 */
function truncated(
  record: InboundRecord,
  errors: RejectionError[],
  rejectedAt: Date,
  maxBytes: number,
  headersDropped: boolean,
): Message {
  const value = record.value;
  const size = value?.length ?? 0;
  // The value is left out here: base64 of a large one is exactly what must not be built whole.
  const base = toRejectionRecord({ ...record, value: null }, [], rejectedAt);
  if (headersDropped) {
    base.headers = {};
  }
  // Sized with every field and the largest numbers the truncation entry can hold: the result only shrinks.
  const worst: RejectionRecord = {
    ...base,
    errors: [truncationError(value, 0, errors.length, errors.length, headersDropped)],
    valueTruncated: true,
    originalSizeBytes: size,
    valueSha256: '0'.repeat(64),
  };
  const free = maxBytes - SLACK_BYTES - messageSize(message(record, worst));
  if (free < 0 && !headersDropped) {
    return truncated(record, errors, rejectedAt, maxBytes, true);
  }
  const valueWants = 4 * Math.ceil(size / 3);
  let errorRoom = Math.max(free - valueWants, Math.floor(free / 2));
  const kept: RejectionError[] = [];
  for (const error of errors) {
    const cost = errorCost(error);
    if (cost > errorRoom) {
      break;
    }
    kept.push(error);
    errorRoom -= cost;
  }
  const valueRoom = free - kept.reduce((sum, error) => sum + errorCost(error), 0);
  const keptBytes = Math.min(size, Math.max(0, Math.floor(valueRoom / 4) * 3));
  const rejection: RejectionRecord = {
    ...base,
    value: value === null ? null : value.subarray(0, keptBytes).toString('base64'),
    errors: [
      ...kept,
      truncationError(value, keptBytes, errors.length - kept.length, errors.length, headersDropped),
    ],
  };
  if (value !== null && keptBytes < size) {
    rejection.valueTruncated = true;
    rejection.originalSizeBytes = size;
    rejection.valueSha256 = createHash('sha256').update(value).digest('hex');
  }
  return message(record, rejection);
}

/**
 * Keyed like the rejected record so a partition's rejections stay in order. Never larger than the
 * budget (unless the key alone is): a rejection that the broker refuses would block its partition.
 */
export function toDeadLetterMessage(
  record: InboundRecord,
  errors: RejectionError[],
  rejectedAt: Date,
  options: DeadLetterOptions = {},
): Message {
  const maxBytes = options.maxBytes ?? DEFAULT_DEAD_LETTER_MAX_BYTES;
  // A value whose base64 alone is over budget need not be encoded whole to know.
  if (4 * Math.ceil((record.value?.length ?? 0) / 3) <= maxBytes) {
    const full = message(record, toRejectionRecord(record, errors, rejectedAt));
    if (messageSize(full) <= maxBytes) {
      return full;
    }
  }
  return truncated(record, errors, rejectedAt, maxBytes, false);
}

import type { Message } from 'kafkajs';
import type { RejectionError, RejectionRecord } from '@chokepoint/contracts';
import type { InboundRecord } from './inbound-record';

/** The dead-letter record for a rejected input: everything needed to see why and to replay it. */
export function toRejectionRecord(
  record: InboundRecord,
  errors: RejectionError[],
  rejectedAt: Date,
): RejectionRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers)) {
    headers[name] = value.toString('base64');
  }
  return {
    sourceTopic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key === null ? null : record.key.toString('utf8'),
    value: record.value === null ? null : record.value.toString('base64'),
    headers,
    errors,
    rejectedAt: rejectedAt.toISOString(),
  };
}

/** Keyed like the rejected record so a partition's rejections stay in order. */
export function toDeadLetterMessage(
  record: InboundRecord,
  errors: RejectionError[],
  rejectedAt: Date,
): Message {
  return {
    key: record.key,
    value: JSON.stringify(toRejectionRecord(record, errors, rejectedAt)),
    headers: {
      'chokepoint-source-topic': record.topic,
      'chokepoint-error-codes': [...new Set(errors.map((error) => error.code))].join(','),
    },
  };
}

import type { CanonicalEvent } from '@chokepoint/contracts';
import type { IngestRecord, RecordRejection } from '@chokepoint/ingest-decoding';
import type { InboundRecord } from '@chokepoint/kafka';
import { CANONICAL_EVENT_HEADERS, canonicalHeaders } from './canonical-message';
import type { PreparedEvent, PreparedRecord } from './record-preparation';
import { seenEventKeyText } from './seen-event.store';

/** A record without its bytes: those sit in the shared buffer at [valueStart, valueStart + valueLength). */
interface RecordFrame {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  headers: Record<string, string>;
  valueStart: number;
  /** -1 for a record without a value (a tombstone). */
  valueLength: number;
}

/** Records as one worker thread message: every value back to back in one buffer that is moved, not copied. */
export interface PackedRecords {
  bytes: ArrayBuffer;
  frames: RecordFrame[];
}

/**
 * kafkajs hands over values as views into the whole fetch response, and posting a view would copy all
 * of it; so the values are copied once into a buffer of their own, which then changes thread for free.
 * Keys are left out (decoding does not read them) and headers become text (decoding reads them as text).
 */
export function packRecords(records: readonly InboundRecord[]): PackedRecords {
  let total = 0;
  for (const record of records) {
    total += record.value?.length ?? 0;
  }
  const bytes = Buffer.allocUnsafeSlow(total);
  const frames: RecordFrame[] = [];
  let position = 0;
  for (const record of records) {
    const value = record.value;
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(record.headers)) {
      headers[name] = header.toString('utf8');
    }
    frames.push({
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      timestamp: record.timestamp,
      headers,
      valueStart: position,
      valueLength: value === null ? -1 : value.length,
    });
    if (value !== null) {
      position += value.copy(bytes, position);
    }
  }
  return { bytes: bytes.buffer, frames };
}

export function unpackRecords(packed: PackedRecords): IngestRecord[] {
  return packed.frames.map((frame) => ({
    topic: frame.topic,
    partition: frame.partition,
    offset: frame.offset,
    timestamp: frame.timestamp,
    headers: frame.headers,
    value: frame.valueLength < 0 ? null : Buffer.from(packed.bytes, frame.valueStart, frame.valueLength),
  }));
}

/**
 * Prepared records as one message back from a worker thread. Cloning them as objects costs the main
 * thread more than the rest of its work on them, so the message values travel as bytes in one moved
 * buffer (ready for the producer as they are) and everything else as one flat list.
 */
export interface PackedPreparedRecords {
  bytes: ArrayBuffer;
  /** Per event, EVENT_FIELDS entries: kind, schema version, originating party, event id, SHA-256, message key, value length. */
  events: Array<string | number>;
  /** Per record, how many events it gave. */
  eventCounts: number[];
  /** [record index, rejections] for the records that have any. */
  rejections: Array<[number, RecordRejection[]]>;
}

const EVENT_FIELDS = 7;

export function packPrepared(prepared: readonly PreparedRecord[]): PackedPreparedRecords {
  const values: string[] = [];
  let total = 0;
  for (const record of prepared) {
    for (const event of record.events) {
      const value = event.message.value.toString();
      values.push(value);
      total += Buffer.byteLength(value);
    }
  }
  const bytes = Buffer.allocUnsafeSlow(total);
  const events: Array<string | number> = [];
  const eventCounts: number[] = [];
  const rejections: Array<[number, RecordRejection[]]> = [];
  let position = 0;
  let n = 0;
  prepared.forEach((record, index) => {
    eventCounts.push(record.events.length);
    if (record.rejections.length > 0) {
      rejections.push([index, record.rejections]);
    }
    for (const event of record.events) {
      const length = bytes.write(values[n++] ?? '', position);
      position += length;
      events.push(
        event.kind,
        event.message.headers[CANONICAL_EVENT_HEADERS.schemaVersion] ?? '',
        event.key.originatingParty,
        event.key.eventId,
        event.contentSha256,
        event.message.key,
        length,
      );
    }
  });
  return { bytes: bytes.buffer, events, eventCounts, rejections };
}

export function unpackPrepared(packed: PackedPreparedRecords): PreparedRecord[] {
  const rejections = new Map(packed.rejections);
  const fields = packed.events;
  let field = 0;
  let position = 0;
  return packed.eventCounts.map((count, index) => {
    const events: PreparedEvent[] = [];
    for (let i = 0; i < count; i++, field += EVENT_FIELDS) {
      const kind = fields[field] as CanonicalEvent['kind'];
      const key = {
        eventKind: kind,
        originatingParty: fields[field + 2] as string,
        eventId: fields[field + 3] as string,
      };
      const length = fields[field + 6] as number;
      events.push({
        kind,
        key,
        keyText: seenEventKeyText(key),
        contentSha256: fields[field + 4] as string,
        message: {
          key: fields[field + 5] as string,
          value: Buffer.from(packed.bytes, position, length),
          headers: canonicalHeaders(kind, fields[field + 1] as string),
        },
      });
      position += length;
    }
    return { events, rejections: rejections.get(index) ?? [] };
  });
}

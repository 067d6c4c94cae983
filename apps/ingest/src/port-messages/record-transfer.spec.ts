import type { InboundRecord } from '@chokepoint/kafka';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { goldenMessages } from '../../test/golden-messages';
import { inboundRecord, tnt300Event } from '../../test/port-message.factory';
import { type PreparedRecord, prepareEvent } from './record-preparation';
import { packPrepared, packRecords, unpackPrepared, unpackRecords } from './record-transfer';

describe('packRecords / unpackRecords', () => {
  // As kafkajs gives them: views into one larger fetch buffer.
  const fetched = Buffer.from('xx{"a":1}yy{"b":[2,3]}zz');
  const records: InboundRecord[] = [
    inboundRecord(fetched.subarray(2, 9), {
      headers: { 'content-type': Buffer.from('application/json'), 'originating-party': Buffer.from('HPH') },
    }),
    inboundRecord(null, { topic: 'port.manifests.v1', partition: 2, offset: '77' }),
    inboundRecord(Buffer.alloc(0)),
    inboundRecord(fetched.subarray(11, 22), { timestamp: '2026-03-05T00:00:00.000Z' }),
  ];

  it('gives decoding the same records, values and headers as text', () => {
    expect(unpackRecords(packRecords(records))).toEqual(
      records.map((record) => ({
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        timestamp: record.timestamp,
        value: record.value,
        headers: Object.fromEntries(
          Object.entries(record.headers).map(([name, value]) => [name, value.toString('utf8')]),
        ),
      })),
    );
  });

  it('copies only the values, into one buffer of their own that can be moved to another thread', () => {
    const packed = packRecords(records);
    expect(packed.bytes.byteLength).toBe(7 + 11);
    expect(Buffer.from(packed.bytes).toString()).toBe('{"a":1}{"b":[2,3]}');
  });
});

describe('packPrepared / unpackPrepared', () => {
  const prepared: PreparedRecord[] = [
    ...goldenMessages().map(({ topic, message }) => decodeRecord(inboundRecord(message, { topic }))),
    decodeRecord(
      inboundRecord({ events: [tnt300Event({ eventID: 'ok' }), tnt300Event({ eventDateTime: 'never' })] }),
    ),
    decodeRecord(inboundRecord(null)),
    // Multi-byte text, so that byte and character lengths differ.
    decodeRecord(inboundRecord(tnt300Event({ eventID: 'évt-ü-😀' }))),
  ].map(({ events, rejections }) => ({ events: events.map(prepareEvent), rejections }));

  it('gives back the same prepared records, with the message values as UTF-8 bytes', () => {
    const unpacked = unpackPrepared(packPrepared(prepared));
    expect(
      unpacked.map((record) => ({
        ...record,
        events: record.events.map((event) => ({
          ...event,
          message: { ...event.message, value: event.message.value.toString('utf8') },
        })),
      })),
    ).toEqual(prepared);
    expect(
      unpacked.flatMap((record) => record.events).every((event) => Buffer.isBuffer(event.message.value)),
    ).toBe(true);
    expect(prepared.some((record) => record.events.length > 1)).toBe(true);
    expect(prepared.some((record) => record.rejections.length > 0 && record.events.length > 0)).toBe(true);
  });
});

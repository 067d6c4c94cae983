import { createHash } from 'node:crypto';
import type { Message } from 'kafkajs';
import type { RejectionError, RejectionRecord } from '@chokepoint/contracts';
import {
  DEAD_LETTER_TRUNCATED_CODE,
  DEFAULT_DEAD_LETTER_MAX_BYTES,
  toDeadLetterMessage,
} from './dead-letter';
import type { InboundRecord } from './inbound-record';
import { messageSize } from './size-bounded-send';

const REJECTED_AT = new Date('2026-03-04T10:00:00.000Z');
const KiB = 1024;
const MiB = 1024 * KiB;

function inbound(value: Buffer | null, headers: Record<string, Buffer> = {}): InboundRecord {
  return {
    topic: 'port.manifests.v1',
    partition: 4,
    offset: '1234',
    key: Buffer.from('MSCU1000001'),
    value,
    headers: { 'content-type': Buffer.from('application/json'), ...headers },
    timestamp: REJECTED_AT.toISOString(),
  };
}

/** Bytes from a repeating pattern, so a kept prefix can be told from any other slice. */
function bytes(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    out[i] = (i * 31 + 7) % 251;
  }
  return out;
}

const notJson: RejectionError = {
  path: '',
  code: 'record.not_json',
  message: 'record value is not valid JSON at line 1 column 1 (position 0): Unexpected token',
};

function rejectionOf(message: Message): RejectionRecord {
  return JSON.parse(String(message.value)) as RejectionRecord;
}

describe('toDeadLetterMessage', () => {
  it('keeps a record that fits whole, with no truncation fields', () => {
    const value = Buffer.from('{"transportDocumentReference":');
    const message = toDeadLetterMessage(inbound(value), [notJson], REJECTED_AT);
    const rejection = rejectionOf(message);
    expect(rejection).toEqual({
      sourceTopic: 'port.manifests.v1',
      partition: 4,
      offset: '1234',
      key: 'MSCU1000001',
      value: value.toString('base64'),
      headers: { 'content-type': Buffer.from('application/json').toString('base64') },
      errors: [notJson],
      rejectedAt: '2026-03-04T10:00:00.000Z',
    });
    expect(message.key).toEqual(Buffer.from('MSCU1000001'));
    expect(message.headers).toEqual({
      'chokepoint-source-topic': 'port.manifests.v1',
      'chokepoint-error-codes': 'record.not_json',
    });
  });

  it.each([
    ['just over the budget in base64 (700 KiB)', 700 * KiB, DEFAULT_DEAD_LETTER_MAX_BYTES],
    ['near a 2 MiB message.max.bytes', 2 * MiB - 100, DEFAULT_DEAD_LETTER_MAX_BYTES],
    ['above it (5 MiB)', 5 * MiB, DEFAULT_DEAD_LETTER_MAX_BYTES],
    ['a small configured budget', 10 * KiB, 4 * KiB],
  ])('truncates a value %s to fit the budget', (_name, size, maxBytes) => {
    const value = bytes(size);
    const message = toDeadLetterMessage(inbound(value), [notJson], REJECTED_AT, { maxBytes });
    const rejection = rejectionOf(message);

    expect(messageSize(message)).toBeLessThanOrEqual(maxBytes);
    // Most of the budget goes to the value: no more than a few hundred bytes are wasted.
    expect(messageSize(message)).toBeGreaterThan(maxBytes - 400);
    expect(rejection.valueTruncated).toBe(true);
    expect(rejection.originalSizeBytes).toBe(size);
    expect(rejection.valueSha256).toBe(createHash('sha256').update(value).digest('hex'));
    const kept = Buffer.from(rejection.value ?? '', 'base64');
    expect(kept.length % 3).toBe(0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.equals(value.subarray(0, kept.length))).toBe(true);
    expect(rejection.errors[0]).toEqual(notJson);
    expect(rejection.errors[1]).toEqual({
      path: '',
      code: DEAD_LETTER_TRUNCATED_CODE,
      message: expect.stringContaining(`value is ${size} bytes, the first ${kept.length} are kept`) as string,
    });
    expect(rejection.errors).toHaveLength(2);
    expect(rejection.headers).toEqual({ 'content-type': Buffer.from('application/json').toString('base64') });
    expect(message.headers?.['chokepoint-error-codes']).toBe(`record.not_json,${DEAD_LETTER_TRUNCATED_CODE}`);
    expect(message.key).toEqual(Buffer.from('MSCU1000001'));
  });

  it('keeps a value whose rejection just fits, and truncates one byte more', () => {
    const maxBytes = 8 * KiB;
    const fits = (size: number): boolean =>
      rejectionOf(toDeadLetterMessage(inbound(bytes(size)), [notJson], REJECTED_AT, { maxBytes }))
        .valueTruncated === undefined;
    let largest = 0;
    for (let size = 5 * KiB; size < 7 * KiB; size++) {
      if (fits(size)) {
        largest = size;
      }
    }
    expect(largest).toBeGreaterThan(5 * KiB);
    expect(
      messageSize(toDeadLetterMessage(inbound(bytes(largest)), [notJson], REJECTED_AT, { maxBytes })),
    ).toBeLessThanOrEqual(maxBytes);
    expect(fits(largest + 3)).toBe(false);
  });

  it('leaves out the errors that do not fit, first ones kept, and says how many', () => {
    const errors: RejectionError[] = Array.from({ length: 5000 }, (_, i) => ({
      path: `events[${i}].eventDateTime`,
      code: 'field.format',
      message: `events[${i}].eventDateTime: eventDateTime must be a valid ISO 8601 date string`,
    }));
    const maxBytes = 64 * KiB;
    const message = toDeadLetterMessage(inbound(bytes(300 * KiB)), errors, REJECTED_AT, { maxBytes });
    const rejection = rejectionOf(message);

    expect(messageSize(message)).toBeLessThanOrEqual(maxBytes);
    const last = rejection.errors[rejection.errors.length - 1];
    const kept = rejection.errors.slice(0, -1);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept).toEqual(errors.slice(0, kept.length));
    expect(last?.code).toBe(DEAD_LETTER_TRUNCATED_CODE);
    expect(last?.message).toContain(`${errors.length - kept.length} of ${errors.length} errors are left out`);
    expect(Buffer.from(rejection.value ?? '', 'base64').length).toBeGreaterThan(16 * KiB);
  });

  it('leaves out the original headers when even they do not fit', () => {
    const headers = { 'x-trace': bytes(20 * KiB) };
    const maxBytes = 16 * KiB;
    const message = toDeadLetterMessage(inbound(bytes(50 * KiB), headers), [notJson], REJECTED_AT, {
      maxBytes,
    });
    const rejection = rejectionOf(message);

    expect(messageSize(message)).toBeLessThanOrEqual(maxBytes);
    expect(rejection.headers).toEqual({});
    expect(rejection.errors[0]).toEqual(notJson);
    expect(rejection.errors[1]?.message).toContain('the original headers are left out');
    expect(Buffer.from(rejection.value ?? '', 'base64').length).toBeGreaterThan(0);
  });

  it.each([
    ['a null value', null],
    ['a small value', Buffer.from('{"events":[')],
  ])('keeps %s whole when it is the errors that overflow', (_name, value) => {
    const errors: RejectionError[] = Array.from({ length: 200 }, (_, i) => ({
      path: `events[${i}]`,
      code: 'event.not_object',
      message: 'x'.repeat(100),
    }));
    const message = toDeadLetterMessage(inbound(value), errors, REJECTED_AT, { maxBytes: 4 * KiB });
    const rejection = rejectionOf(message);

    expect(messageSize(message)).toBeLessThanOrEqual(4 * KiB);
    expect(rejection.value).toBe(value === null ? null : value.toString('base64'));
    expect(rejection.valueTruncated).toBeUndefined();
    expect(rejection.originalSizeBytes).toBeUndefined();
    const last = rejection.errors[rejection.errors.length - 1];
    expect(last?.code).toBe(DEAD_LETTER_TRUNCATED_CODE);
    expect(last?.message).toContain(`of ${errors.length} errors are left out`);
    expect(last?.message).not.toContain('bytes, the first');
  });

  it('gives the value at least half the room when both are too large', () => {
    const errors: RejectionError[] = Array.from({ length: 2000 }, (_, i) => ({
      path: `events[${i}]`,
      code: 'event.not_object',
      message: 'y'.repeat(80),
    }));
    const maxBytes = 32 * KiB;
    const message = toDeadLetterMessage(inbound(bytes(MiB)), errors, REJECTED_AT, { maxBytes });
    const rejection = rejectionOf(message);

    expect(messageSize(message)).toBeLessThanOrEqual(maxBytes);
    expect((rejection.value ?? '').length).toBeGreaterThanOrEqual((maxBytes - 1024) / 2);
    expect(rejection.errors.length).toBeGreaterThan(50);
    expect(rejection.valueTruncated).toBe(true);
  });
});

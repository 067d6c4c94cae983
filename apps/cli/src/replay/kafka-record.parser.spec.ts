import { LINE_ERROR_CODES, parseRecordLine } from './kafka-record.parser';

const manifestLine = {
  topic: 'port.manifests.v1',
  key: 'MAEU261000101',
  headers: { 'content-type': 'application/vnd.dcsa.ebl+json;version=3.0.0' },
  timestamp: '2026-03-02T08:00:00Z',
  value: { transportDocumentReference: 'MAEU261000101' },
};

describe('parseRecordLine', () => {
  it('turns a line into the record ingest receives, numbered by its line', () => {
    const parsed = parseRecordLine(JSON.stringify(manifestLine), 12);

    expect(parsed).toEqual({
      ok: true,
      record: {
        topic: 'port.manifests.v1',
        partition: 0,
        offset: '12',
        key: 'MAEU261000101',
        headers: { 'content-type': 'application/vnd.dcsa.ebl+json;version=3.0.0' },
        timestamp: '2026-03-02T08:00:00Z',
        value: Buffer.from(JSON.stringify(manifestLine.value)),
      },
    });
  });

  it.each([
    ['a string value as raw bytes', { value: '{"not":"re-encoded"}' }, Buffer.from('{"not":"re-encoded"}')],
    ['a null value as no bytes', { value: null }, null],
    ['an array value as its JSON text', { value: [1, 2] }, Buffer.from('[1,2]')],
  ])('carries %s', (_label, override, bytes) => {
    const parsed = parseRecordLine(JSON.stringify({ ...manifestLine, ...override }), 1);

    expect(parsed.ok && parsed.record.value).toEqual(bytes);
  });

  it.each([
    ['epoch milliseconds', 1772438400000, '1772438400000'],
    ['an ISO string', '2026-03-02T08:00:00+07:00', '2026-03-02T08:00:00+07:00'],
  ])('accepts a timestamp in %s', (_label, timestamp, expected) => {
    const parsed = parseRecordLine(JSON.stringify({ ...manifestLine, timestamp }), 1);

    expect(parsed.ok && parsed.record.timestamp).toBe(expected);
  });

  it('keeps list-valued headers and drops null ones', () => {
    const parsed = parseRecordLine(
      JSON.stringify({ ...manifestLine, headers: { trace: ['a', 'b'], empty: null } }),
      1,
    );

    expect(parsed.ok && parsed.record.headers).toEqual({ trace: ['a', 'b'] });
  });

  it.each([
    ['text that is not JSON', '{"topic": "port.manifests.v1", ', LINE_ERROR_CODES.notJson, ''],
    ['a JSON array', '[1, 2]', LINE_ERROR_CODES.notObject, ''],
    [
      'a record without topic',
      JSON.stringify({ ...manifestLine, topic: undefined }),
      LINE_ERROR_CODES.fieldRequired,
      'topic',
    ],
    ['a numeric topic', JSON.stringify({ ...manifestLine, topic: 7 }), LINE_ERROR_CODES.fieldType, 'topic'],
    [
      'a record without timestamp',
      JSON.stringify({ ...manifestLine, timestamp: null }),
      LINE_ERROR_CODES.fieldRequired,
      'timestamp',
    ],
    [
      'a boolean timestamp',
      JSON.stringify({ ...manifestLine, timestamp: true }),
      LINE_ERROR_CODES.fieldType,
      'timestamp',
    ],
    [
      'a record without value',
      JSON.stringify({ ...manifestLine, value: undefined }),
      LINE_ERROR_CODES.fieldRequired,
      'value',
    ],
    ['a numeric key', JSON.stringify({ ...manifestLine, key: 42 }), LINE_ERROR_CODES.fieldType, 'key'],
    [
      'headers as a list',
      JSON.stringify({ ...manifestLine, headers: ['x'] }),
      LINE_ERROR_CODES.fieldType,
      'headers',
    ],
    [
      'a numeric header',
      JSON.stringify({ ...manifestLine, headers: { retries: 3 } }),
      LINE_ERROR_CODES.fieldType,
      'headers.retries',
    ],
  ])('rejects %s with a code and path', (_label, text, code, path) => {
    const parsed = parseRecordLine(text, 3);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatchObject({ code, path });
  });
});

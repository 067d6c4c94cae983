import { guardRawRecord } from './raw-record.guard';
import { jsonNestingDepth } from './json-depth';
import { locateJsonSyntaxError } from './json-syntax';

describe('guardRawRecord', () => {
  it.each<[string, Buffer | null, string]>([
    ['null value', null, 'record.empty'],
    ['zero bytes', Buffer.alloc(0), 'record.empty'],
    ['whitespace', Buffer.from('  \n '), 'record.empty'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'record.not_utf8'],
    ['truncated UTF-8 sequence', Buffer.from([0x22, 0xe2, 0x82]), 'record.not_utf8'],
    ['not JSON', Buffer.from('hello'), 'record.not_json'],
    ['trailing comma', Buffer.from('{"a":1,}'), 'record.not_json'],
    ['JSON array', Buffer.from('[1,2]'), 'record.not_object'],
    ['JSON string', Buffer.from('"x"'), 'record.not_object'],
    ['JSON number', Buffer.from('42'), 'record.not_object'],
    ['JSON null', Buffer.from('null'), 'record.not_object'],
    ['too deep', Buffer.from('{"a":'.repeat(40) + '1' + '}'.repeat(40)), 'record.too_deep'],
  ])('%s → %s', (_name, value, code) => {
    const result = guardRawRecord(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('rejects oversize records before decoding them', () => {
    const result = guardRawRecord(Buffer.from(JSON.stringify({ a: 'x'.repeat(200) })), { maxBytes: 100 });
    expect(result.ok ? undefined : result.error.code).toBe('record.too_large');
  });

  it.each([
    ['a 100k-deep array', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['a 100k-deep object', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['an unclosed 100k-deep array', '['.repeat(100_000)],
    ['broken JSON 40 deep', '['.repeat(40) + '1,'],
  ])('reports %s as too deep', (_name, text) => {
    const result = guardRawRecord(Buffer.from(text));
    expect(result.ok ? undefined : result.error.code).toBe('record.too_deep');
  });

  it.each([
    '{}',
    '{"a":[]}',
    '{"a":[[1]]}',
    '{"a":{"b":{}}}',
    '{"a":{"b":{"c":1}}}',
    '{"a":[{"b":"[[[[[["}]}',
    '{"a":"\\"[[[[[","b":[{}]}',
    '{"a":[1,[2,[3]]]}',
    '{"a":{},"b":[[[]]]}',
  ])('agrees with the text scan on the depth of %s', (text) => {
    const result = guardRawRecord(Buffer.from(text), { maxDepth: 3 });
    expect(result.ok).toBe(jsonNestingDepth(text) <= 3);
    expect(result.ok ? 'ok' : result.error.code).toBe(jsonNestingDepth(text) <= 3 ? 'ok' : 'record.too_deep');
  });

  it('drops prototype-polluting keys however they are spelled, at any depth', () => {
    const text =
      '{"a":1,"\\u005f\\u005fproto\\u005f\\u005f":{"x":1},"constructor":{"y":1},' +
      '"b":{"prototype":2,"c":[{"__proto__":{"z":1},"d":3}]}}';
    const result = guardRawRecord(Buffer.from(text));
    expect(result.ok ? result.message : undefined).toEqual({ a: 1, b: { c: [{ d: 3 }] } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads null properties as absent, and keeps null array elements to be reported', () => {
    const result = guardRawRecord(Buffer.from('{"a":null,"b":{"c":null,"d":1},"e":[null,{"f":null}]}'));
    expect(result.ok ? result.message : undefined).toEqual({ b: { d: 1 }, e: [null, {}] });
  });

  it('reports the parse error position', () => {
    const result = guardRawRecord(Buffer.from('{\n  "a": }'));
    expect(result.ok ? undefined : result.error.message).toMatch(/line 2 column 8 \(position 9\)/);
  });

  it('accepts an object and drops prototype-polluting keys', () => {
    const result = guardRawRecord(Buffer.from('{"a":1,"__proto__":{"polluted":true}}'));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.message).toEqual({ a: 1 });
      expect(Object.getPrototypeOf(result.message)).toBe(Object.prototype);
    }
  });

  it('accepts depth exactly at the limit', () => {
    const text = '{"a":'.repeat(3) + '1' + '}'.repeat(3);
    expect(guardRawRecord(Buffer.from(text), { maxDepth: 3 }).ok).toBe(true);
    expect(guardRawRecord(Buffer.from(text), { maxDepth: 2 }).ok).toBe(false);
  });
});

describe('jsonNestingDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['[[{}]]', 3],
    ['{"a":"[[[[["}', 1],
    ['{"a":"\\"[["}', 1],
    ['[[],[[]]]', 3],
  ])('%p has depth %p', (text, depth) => {
    expect(jsonNestingDepth(text)).toBe(depth);
  });
});

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', undefined],
    ['[1, 2.5e3, true, null, "x\\u00e9"]', undefined],
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['xyz', 0],
    ['{"a":1}x', 7],
    ['[1,]', 3],
    ['{"a" 1}', 5],
    ['{"a":"\\q"}', 6],
    ['{"a":"x\ny"}', 7],
    ['{1:2}', 1],
    ['', 0],
  ])('%p fails at %p', (text, position) => {
    expect(locateJsonSyntaxError(text)?.position).toBe(position);
  });

  it('agrees with JSON.parse on a large valid document', () => {
    const text = JSON.stringify({ a: [1, { b: 'c', d: [true, false, null, -1.5e-3] }], e: '\u2603' });
    expect(locateJsonSyntaxError(text)).toBeUndefined();
  });
});

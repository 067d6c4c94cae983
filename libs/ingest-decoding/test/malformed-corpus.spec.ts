import { decodeRecord } from '../src/decode-record';
import { generateMalformedRecords } from './malformed-corpus';

describe('malformed corpus', () => {
  const corpus = generateMalformedRecords(240, 7);

  it('is large, varied and reproducible', () => {
    expect(corpus.length).toBe(240);
    expect(new Set(corpus.map((c) => c.expectedCode)).size).toBeGreaterThanOrEqual(12);
    expect(generateMalformedRecords(50, 3).map((c) => c.description)).toEqual(
      generateMalformedRecords(50, 3).map((c) => c.description),
    );
  });

  it.each(corpus.map((c, i) => [i, c.description, c.expectedCode, c] as const))(
    '#%i %s → %s',
    (_i, _description, expectedCode, malformed) => {
      const result = decodeRecord(malformed.record);
      expect(result.events).toEqual([]);
      expect(result.rejections.length).toBeGreaterThan(0);
      const codes = result.rejections.flatMap((r) => r.errors.map((e) => e.code));
      expect(codes).toContain(expectedCode);
    },
  );
});

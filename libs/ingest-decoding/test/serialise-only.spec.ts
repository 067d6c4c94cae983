import { decodeRecord, type DecodeResult, type IngestRecord } from '@chokepoint/ingest-decoding';
import { type CorpusMessage, corpusRecord as record, damageBases, goldenMessages } from './decoding-corpus';
import { generateMalformedRecords, prng } from './malformed-corpus';
import { keyVocabulary, mutate } from './message-mutator';

// serialiseOnly (ingest's setting) skips the copy that drops undefined members from decoded events: what
// the events say, as JSON, and every rejection must stay exactly as without it.

function hasUndefinedMember(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(hasUndefinedMember);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((member) => member === undefined || hasUndefinedMember(member));
  }
  return false;
}

function expectSameJson(input: IngestRecord): { serialiseOnly: DecodeResult; copied: DecodeResult } {
  const copied = decodeRecord(input);
  const serialiseOnly = decodeRecord(input, { serialiseOnly: true });
  expect(JSON.stringify(serialiseOnly)).toBe(JSON.stringify(copied));
  expect(serialiseOnly.rejections).toStrictEqual(copied.rejections);
  expect(copied.events.some(hasUndefinedMember)).toBe(false);
  return { serialiseOnly, copied };
}

describe('decodeRecord with serialiseOnly', () => {
  it('gives the JSON of the copied events for every golden message, keeping undefined members', () => {
    const golden = goldenMessages();
    let keptUndefined = 0;
    golden.forEach((g, i) => {
      const { serialiseOnly, copied } = expectSameJson(record(g.topic, g.message, i));
      expect(copied.events.length).toBeGreaterThan(0);
      keptUndefined += serialiseOnly.events.some(hasUndefinedMember) ? 1 : 0;
    });
    // The setting must skip the copy somewhere, or this compares the copy with itself.
    expect(keptUndefined).toBeGreaterThan(golden.length / 2);
  });

  it('rejects every record of the malformed corpus as without it', () => {
    const corpus = generateMalformedRecords(240, 13);
    for (const malformed of corpus) {
      expectSameJson(malformed.record);
    }
    expect(corpus).toHaveLength(240);
  });

  it('decodes 1,000 randomly damaged valid records as without it', () => {
    const random = prng(20261130);
    const bases: CorpusMessage[] = damageBases();
    const vocabulary = keyVocabulary(bases.map((base) => base.message));
    let accepted = 0;
    for (let n = 0; n < 1000; n++) {
      const base = bases[Math.floor(random() * bases.length)] as CorpusMessage;
      const { copied } = expectSameJson(record(base.topic, mutate(base.message, random, vocabulary), n));
      accepted += copied.events.length > 0 ? 1 : 0;
    }
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(900);
  });
});

import { ConsignmentManifest, MovementEvent, type RejectionError } from '@chokepoint/contracts';
import {
  compiledValidationOf,
  decodeRecord,
  type DecodeResult,
  type IngestRecord,
  SOURCE_VALIDATORS,
  unspecialisedChecks,
} from '@chokepoint/ingest-decoding';
import { TransportDocumentDto } from '../src/decoders/ebl-3-0-0.dto';
import { Tnt220EventDto } from '../src/decoders/tnt-2-2-0.dto';
import { Beta1EventDto } from '../src/decoders/tnt-3-0-0-beta-1.dto';
import { Tnt300EventDto } from '../src/decoders/tnt-3-0-0.dto';
import { validateWithClassValidator } from '../src/validation/source-validation';
import { type CorpusMessage, corpusRecord as record, damageBases, goldenMessages } from './decoding-corpus';
import { generateMalformedRecords, prng } from './malformed-corpus';
import { keyVocabulary, mutate } from './message-mutator';

// The compiled validation must give exactly what class-validator gives (the reference, and the contract):
// same events, same rejections with the same paths, codes and messages, in the same order.

const MUTATED_RECORDS = 3000;

function decodeBoth(input: IngestRecord): { compiled: DecodeResult; reference: DecodeResult } {
  return {
    compiled: decodeRecord(input),
    reference: decodeRecord(input, { sourceValidator: SOURCE_VALIDATORS.classValidator }),
  };
}

const codesOf = (result: DecodeResult): string[] =>
  result.rejections.flatMap((rejection) => rejection.errors.map((error) => error.code));

describe('compiled validation ≡ class-validator', () => {
  const golden = goldenMessages();

  it.each(golden.map((g, i) => [i, g.topic, g] as const))('golden message #%i (%s)', (i, topic, g) => {
    const { compiled, reference } = decodeBoth(record(topic, g.message, i));
    expect(compiled.rejections).toEqual([]);
    expect(compiled).toStrictEqual(reference);
  });

  it('gives the same result on every record of the malformed corpus', () => {
    const corpus = [...generateMalformedRecords(240, 7), ...generateMalformedRecords(240, 11)];
    for (const malformed of corpus) {
      const { compiled, reference } = decodeBoth(malformed.record);
      expect({ description: malformed.description, ...compiled }).toStrictEqual({
        description: malformed.description,
        ...reference,
      });
    }
    expect(corpus).toHaveLength(480);
  });

  it(`gives the same result on ${MUTATED_RECORDS} randomly damaged valid records`, () => {
    const random = prng(20260304);
    const bases: CorpusMessage[] = damageBases();
    const vocabulary = keyVocabulary(bases.map((base) => base.message));
    const codes = new Map<string, number>();
    let accepted = 0;
    for (let n = 0; n < MUTATED_RECORDS; n++) {
      const base = bases[Math.floor(random() * bases.length)] as CorpusMessage;
      const input = record(base.topic, mutate(base.message, random, vocabulary), n);
      const { compiled, reference } = decodeBoth(input);
      if (JSON.stringify(compiled) !== JSON.stringify(reference)) {
        // Show the record that differs, not only the difference.
        expect({ value: input.value?.toString(), ...compiled }).toStrictEqual({
          value: input.value?.toString(),
          ...reference,
        });
      }
      expect(compiled).toStrictEqual(reference);
      accepted += compiled.events.length > 0 ? 1 : 0;
      for (const code of codesOf(compiled)) {
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }
    // The damage must reach both outcomes and every kind of constraint, or the comparison proves little.
    expect(accepted).toBeGreaterThan(MUTATED_RECORDS * 0.1);
    expect(accepted).toBeLessThan(MUTATED_RECORDS * 0.9);
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining([
        'field.required',
        'field.type',
        'field.length',
        'field.format',
        'field.enum',
        'field.range',
        'canonical.invalid',
      ]),
    );
  });
});

describe('compiled validation of the canonical classes ≡ class-validator', () => {
  const events = goldenMessages().flatMap((g, i) => decodeRecord(record(g.topic, g.message, i)).events);

  it('has golden events of both kinds to start from', () => {
    expect(events.some((event) => event.kind === 'MANIFEST')).toBe(true);
    expect(events.some((event) => event.kind === 'MOVEMENT')).toBe(true);
  });

  it('gives the same errors on 1500 randomly damaged canonical events', () => {
    const random = prng(7);
    const vocabulary = keyVocabulary(events);
    let failing = 0;
    for (let n = 0; n < 1500; n++) {
      const base = events[Math.floor(random() * events.length)];
      const damaged = mutate(base, random, vocabulary) as object;
      const manifest = base?.kind === 'MANIFEST';
      const reference = manifest
        ? validateWithClassValidator(ConsignmentManifest, damaged)
        : validateWithClassValidator(MovementEvent, damaged);
      const validation = manifest
        ? compiledValidationOf(ConsignmentManifest)
        : compiledValidationOf(MovementEvent);
      const compiled = validation.validate(damaged);
      const referenceErrors: RejectionError[] = reference.ok ? [] : reference.errors;
      expect(compiled.ok ? [] : compiled.errors).toStrictEqual(referenceErrors);
      expect(validation.check(damaged)).toStrictEqual(referenceErrors);
      failing += referenceErrors.length > 0 ? 1 : 0;
    }
    expect(failing).toBeGreaterThan(300);
  });
});

// A fast closure is used only where it agrees with class-validator on every probe; one that silently
// disagrees (as the strict date-time check once did on the year 0000) falls back to class-validator's
// code, correct but several times slower. Only the project's own custom constraint may run that way.
describe('compiled validation of the classes ingest uses', () => {
  it.each([
    TransportDocumentDto,
    Tnt220EventDto,
    Tnt300EventDto,
    Beta1EventDto,
    ConsignmentManifest,
    MovementEvent,
  ])('runs every built-in constraint of %p as a fast closure', (target) => {
    const slow = unspecialisedChecks(target);
    expect(slow.filter((check) => !check.endsWith(': notArray'))).toEqual([]);
  });
});

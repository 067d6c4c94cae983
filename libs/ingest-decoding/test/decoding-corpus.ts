import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics } from '@chokepoint/contracts';
import type { IngestRecord } from '@chokepoint/ingest-decoding';
import {
  generateMalformedRecords,
  prng,
  validBeta1,
  validTnt220,
  validTnt300,
  validTransportDocument,
} from './malformed-corpus';
import { keyVocabulary, mutate } from './message-mutator';

const GOLDEN_DIR = join(__dirname, 'golden');

export interface CorpusMessage {
  topic: string;
  message: unknown;
}

export interface GoldenMessage extends CorpusMessage {
  /** File and index in it, for test names. */
  name: string;
}

/** Every official example's input (test/golden/*.input.json), one message per event of a list. */
export function goldenMessages(): GoldenMessage[] {
  return readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.input.json'))
    .sort()
    .flatMap((name) => {
      const input: unknown = JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8'));
      const topic = name.startsWith('tnt-') ? Topics.portMovements : Topics.portManifests;
      const messages: unknown[] = Array.isArray(input) ? input : [input];
      return messages.map((message, index) => ({ name: `${name}#${index}`, topic, message }));
    });
}

/** A message as the n-th record of partition 0, received at a fixed time. */
export function corpusRecord(topic: string, message: unknown, n: number): IngestRecord {
  return {
    topic,
    partition: 0,
    offset: String(n),
    key: null,
    value: Buffer.from(JSON.stringify(message)),
    headers: {},
    timestamp: '2026-03-04T10:00:00.000Z',
  };
}

/** Valid messages to damage: the golden ones, and generated ones of each format and as push bodies. */
export function damageBases(): CorpusMessage[] {
  return [
    ...goldenMessages(),
    ...[0, 1, 2].flatMap((n) => [
      { topic: Topics.portManifests, message: validTransportDocument(n) },
      { topic: Topics.portMovements, message: validTnt220(n) },
      { topic: Topics.portMovements, message: validTnt300(n) },
      { topic: Topics.portMovements, message: validBeta1(n) },
      { topic: Topics.portMovements, message: { events: [validTnt300(n), validTnt220(n), validBeta1(n)] } },
    ]),
  ];
}

/**
 * The same records on every call: the valid messages, the malformed corpus, and `mutated` of the valid
 * ones damaged at random from a fixed seed. Decoded and rejected records both, for tests that compare
 * two ways of decoding.
 */
export function decodingCorpus(mutated = 600): IngestRecord[] {
  const bases = damageBases();
  const random = prng(20261130);
  const vocabulary = keyVocabulary(bases.map((base) => base.message));
  const damaged = Array.from({ length: mutated }, (_, n) => {
    const base = bases[Math.floor(random() * bases.length)] ?? bases[0];
    return corpusRecord(base?.topic ?? Topics.portMovements, mutate(base?.message, random, vocabulary), n);
  });
  return [
    ...bases.map((base, n) => corpusRecord(base.topic, base.message, n)),
    ...generateMalformedRecords(240, 13).map((malformed) => malformed.record),
    ...damaged,
  ];
}

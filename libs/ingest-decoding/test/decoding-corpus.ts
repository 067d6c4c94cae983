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

function record(topic: string, message: unknown, n: number): IngestRecord {
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

/**
 * The same records on every call: every golden input, the malformed corpus, and valid messages of
 * each format damaged at random (`mutated` of them, from a fixed seed). Valid and rejected records
 * both, for tests that compare two ways of decoding.
 */
export function decodingCorpus(mutated = 600): IngestRecord[] {
  const golden = readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.input.json'))
    .sort()
    .flatMap((name) => {
      const input: unknown = JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8'));
      const topic = name.startsWith('tnt-') ? Topics.portMovements : Topics.portManifests;
      return (Array.isArray(input) ? input : [input]).map((message: unknown) => ({ topic, message }));
    });
  const bases = [
    ...golden,
    ...[0, 1, 2].flatMap((n) => [
      { topic: Topics.portManifests, message: validTransportDocument(n) },
      { topic: Topics.portMovements, message: validTnt220(n) },
      { topic: Topics.portMovements, message: validTnt300(n) },
      { topic: Topics.portMovements, message: validBeta1(n) },
    ]),
  ];
  const random = prng(20261130);
  const vocabulary = keyVocabulary(bases.map((base) => base.message));
  const damaged = Array.from({ length: mutated }, (_, n) => {
    const base = bases[Math.floor(random() * bases.length)] ?? bases[0];
    return record(base?.topic ?? Topics.portMovements, mutate(base?.message, random, vocabulary), n);
  });
  return [
    ...bases.map((base, n) => record(base.topic, base.message, n)),
    ...generateMalformedRecords(240, 13).map((malformed) => malformed.record),
    ...damaged,
  ];
}

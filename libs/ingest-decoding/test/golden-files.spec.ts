import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics } from '@chokepoint/contracts';
import { decodeRecord, type DecodeResult } from '@chokepoint/ingest-decoding';

// Set UPDATE_GOLDEN=1 to rewrite the expected files, then read every diff before keeping it.
const GOLDEN_DIR = join(__dirname, 'golden');
const RECORD_TIMESTAMP = '2026-03-04T10:00:00.000Z';
const inputs = readdirSync(GOLDEN_DIR)
  .filter((name) => name.endsWith('.input.json'))
  .map((name) => name.replace(/\.input\.json$/, ''))
  .sort();

function decodeFile(name: string): DecodeResult | DecodeResult[] {
  const topic = name.startsWith('tnt-') ? Topics.portMovements : Topics.portManifests;
  const input: unknown = JSON.parse(readFileSync(join(GOLDEN_DIR, `${name}.input.json`), 'utf8'));
  // GET responses are lists; each element is its own Kafka record.
  const messages = Array.isArray(input) ? input : [input];
  const results = messages.map((message: unknown, i) =>
    decodeRecord({
      topic,
      partition: 0,
      offset: String(i),
      key: null,
      value: Buffer.from(JSON.stringify(message)),
      headers: {},
      timestamp: RECORD_TIMESTAMP,
    }),
  );
  return Array.isArray(input) ? results : (results[0] as DecodeResult);
}

describe('golden files', () => {
  it('has an input for every DCSA eBL and TNT example', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(19);
  });

  it.each(inputs)('%s', (name) => {
    const actual = JSON.parse(JSON.stringify(decodeFile(name))) as unknown;
    const expectedPath = join(GOLDEN_DIR, `${name}.expected.json`);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});

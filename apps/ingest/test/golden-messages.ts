import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics } from '@chokepoint/contracts';

const GOLDEN = join(__dirname, '../../../libs/ingest-decoding/test/golden');

export interface GoldenMessage {
  /** File and index in it, for test names. */
  name: string;
  topic: string;
  message: unknown;
}

/** Every golden DCSA input (eBL 3.0 documents, TNT 2.2 / 3.0 / 3.0-Beta-1 events), one message each. */
export function goldenMessages(): GoldenMessage[] {
  return readdirSync(GOLDEN)
    .filter((name) => name.endsWith('.input.json'))
    .sort()
    .flatMap((name) => {
      const input: unknown = JSON.parse(readFileSync(join(GOLDEN, name), 'utf8'));
      const topic = name.startsWith('tnt-') ? Topics.portMovements : Topics.portManifests;
      const messages: unknown[] = Array.isArray(input) ? input : [input];
      return messages.map((message, index) => ({
        name: `${name}#${index}`,
        topic,
        message,
      }));
    });
}

// Writes the seeded sample of real non-listed names that the jest evaluation uses, so CI needs no shared data.
// Usage: npx tsx scripts/sanctions/build-negative-sample.ts [--data /work/shared/data]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SeededRandom } from '@chokepoint/sanctions';
import { readNegativeNames } from './negative-names.source';

const { values } = parseArgs({ options: { data: { type: 'string', default: '/work/shared/data' } } });
const random = new SeededRandom(7);
const all = readNegativeNames(values.data);
const bySource = (source: string): string[] => all.filter((n) => n.source === source).map((n) => n.query);
const rows = [
  ...bySource('vessel (MARAD)').map((name) => ['vessel (MARAD)', name]),
  ...random.sample(bySource('port (NGA WPI)'), 1500).map((name) => ['port (NGA WPI)', name]),
  ...random.sample(bySource('place (UN/LOCODE)'), 3000).map((name) => ['place (UN/LOCODE)', name]),
];
const csv = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const target = join(__dirname, '../../libs/sanctions/data/negative-names.sample.csv');
writeFileSync(target, `source,name\n${rows.map((row) => row.map(csv).join(',')).join('\n')}\n`);
process.stdout.write(`wrote ${rows.length} names to ${target}\n`);

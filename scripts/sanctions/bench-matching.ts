// Names screened per second against the UN list and against a synthetic list 100x larger.
// Usage: npx tsx scripts/sanctions/bench-matching.ts [--scale 100] [--seconds 2]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildCompanyLikeNames,
  parseUnConsolidatedList,
  perturbName,
  SanctionsIndex,
  SeededRandom,
  type SanctionsEntry,
  type SanctionsList,
} from '@chokepoint/sanctions';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '100' }, seconds: { type: 'string', default: '2' } },
});
const dataDir = join(__dirname, '../../libs/sanctions/data');
const random = new SeededRandom(99);
const un = parseUnConsolidatedList(readFileSync(join(dataDir, 'consolidated_2018-10-29.xml')));

/** Entries made by recombining tokens of two real names and adding a typo, so vocabulary grows too. */
function syntheticList(base: SanctionsList, scale: number): SanctionsList {
  const names = base.entries.flatMap((entry) => [entry.name, ...entry.aliases.map((alias) => alias.name)]);
  const entries: SanctionsEntry[] = [];
  for (let copy = 0; copy < scale; copy++) {
    for (const entry of base.entries) {
      const mix = (name: string): string => {
        const a = name.split(/\s+/);
        const b = random.pick(names).split(/\s+/);
        const mixed = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(
          ' ',
        );
        return perturbName(mixed, 'TYPO_SUBSTITUTION', random) ?? mixed;
      };
      entries.push({
        ...entry,
        reference: `${entry.reference}#${copy}`,
        name: mix(entry.name),
        aliases: entry.aliases.map((alias) => ({ ...alias, name: mix(alias.name) })),
      });
    }
  }
  return { listId: `synthetic-x${scale}`, version: 'bench', entries };
}

function readQueries(): { clean: string[]; listed: string[] } {
  const sample = readFileSync(join(dataDir, 'negative-names.sample.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.slice(line.indexOf(',') + 1).replace(/"/g, ''));
  const clean = [...sample, ...buildCompanyLikeNames(sample, random, 2000)];
  const listed = un.entries.map((entry) => perturbName(entry.name, 'TYPO_AND_SWAP', random) ?? entry.name);
  return { clean, listed };
}

function measure(
  index: SanctionsIndex,
  queries: string[],
  seconds: number,
): { perSecond: number; hits: number } {
  let hits = 0;
  for (const query of queries) {
    hits += index.screenName(query).length > 0 ? 1 : 0; // warm-up, and the hit count
  }
  let screened = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - started < budget) {
    for (const query of queries) {
      index.screenName(query);
    }
    screened += queries.length;
  }
  return { perSecond: screened / (Number(process.hrtime.bigint() - started) / 1e9), hits };
}

const scale = Number(values.scale);
const seconds = Number(values.seconds);
const { clean, listed } = readQueries();
const lines: string[] = [];
for (const [label, lists] of [
  ['UN list', [un]],
  [`UN list + synthetic x${scale}`, [un, syntheticList(un, scale)]],
] as const) {
  const builtAt = process.hrtime.bigint();
  const index = new SanctionsIndex(lists);
  const buildSeconds = Number(process.hrtime.bigint() - builtAt) / 1e9;
  const entries = lists.reduce((sum, list) => sum + list.entries.length, 0);
  lines.push(
    `${label}: ${entries} entries, ${index.indexedNameCount} names, index built in ${buildSeconds.toFixed(2)} s`,
  );
  for (const [kind, queries] of [
    ['clean names', clean],
    ['perturbed listed names', listed],
  ] as const) {
    const { perSecond, hits } = measure(index, queries, seconds);
    lines.push(
      `  ${kind.padEnd(24)} ${Math.round(perSecond).toLocaleString('en').padStart(10)} names/s  ${(1e6 / perSecond).toFixed(2).padStart(7)} µs/name  (${hits}/${queries.length} with hits)`,
    );
  }
}
process.stdout.write(`${lines.join('\n')}\n`);

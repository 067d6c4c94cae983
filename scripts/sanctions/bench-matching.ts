// Screening cost per name against the UN list and against the UN list plus a synthetic list
// `scale` times larger, cold (no caches) and warm (every name screened before), in a table.
// Usage: npx tsx scripts/sanctions/bench-matching.ts [--scale 100] [--seconds 2]
// Index heap sizes need a forced GC: node --expose-gc --import tsx scripts/sanctions/bench-matching.ts
// Times are CPU time of this process per name (process.cpuUsage), so other work on a shared machine
// inflates them less than wall time would; both are printed. Expect ±20% between runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildCompanyLikeNames,
  buildSyntheticList,
  parseUnConsolidatedList,
  perturbName,
  SanctionsIndex,
  SeededRandom,
  type SanctionsList,
} from '@chokepoint/sanctions';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '100' }, seconds: { type: 'string', default: '2' } },
});
const scale = Number(values.scale);
const seconds = Number(values.seconds);
const dataDir = join(__dirname, '../../libs/sanctions/data');
const random = new SeededRandom(99);
const un = parseUnConsolidatedList(readFileSync(join(dataDir, 'consolidated_2018-10-29.xml')));

function readQueries(): { clean: string[]; matching: string[] } {
  const sample = readFileSync(join(dataDir, 'negative-names.sample.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.slice(line.indexOf(',') + 1).replace(/"/g, ''));
  const clean = [...sample, ...buildCompanyLikeNames(sample, random, 2000)];
  const matching = un.entries.map((entry) => perturbName(entry.name, 'TYPO_AND_SWAP', random) ?? entry.name);
  return { clean, matching };
}

interface Timing {
  cpuMicros: number;
  wallMicros: number;
  hits: number;
}

/**
 * Per-name cost over repeated passes for about `seconds`, after three passes that let the JIT
 * settle and, with caches on, admit every name (caches take a name on its second sighting).
 */
function measure(index: SanctionsIndex, queries: readonly string[]): Timing {
  let hits = 0;
  for (const query of queries) {
    hits += index.screenName(query).length > 0 ? 1 : 0;
  }
  for (let pass = 0; pass < 2; pass++) {
    for (const query of queries) {
      index.screenName(query);
    }
  }
  let screened = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  do {
    for (const query of queries) {
      index.screenName(query);
    }
    screened += queries.length;
  } while (process.hrtime.bigint() - wallStart < budget);
  const cpu = process.cpuUsage(cpuStart);
  return {
    cpuMicros: (cpu.user + cpu.system) / screened,
    wallMicros: Number(process.hrtime.bigint() - wallStart) / 1e3 / screened,
    hits,
  };
}

interface Row {
  label: string;
  entries: number;
  names: number;
  tokens: number;
  buildSeconds: number;
  heapMegabytes: number | undefined;
  cleanCold: Timing;
  cleanWarm: Timing;
  matchingCold: Timing;
  matchingWarm: Timing;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Heap and array buffers in use after full collections, when node runs with --expose-gc. */
function settledHeap(): number | undefined {
  if (collectGarbage === undefined) {
    return undefined;
  }
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function benchmark(
  label: string,
  lists: readonly SanctionsList[],
  queries: ReturnType<typeof readQueries>,
): Row {
  const heapBefore = settledHeap();
  const builtAt = process.hrtime.bigint();
  const cold = new SanctionsIndex(lists, { cachedNames: 0, cachedTokens: 0 });
  const buildSeconds = Number(process.hrtime.bigint() - builtAt) / 1e9;
  const heapAfter = settledHeap();
  const heapMegabytes =
    heapBefore === undefined || heapAfter === undefined ? undefined : (heapAfter - heapBefore) / 2 ** 20;
  const cleanCold = measure(cold, queries.clean);
  const matchingCold = measure(cold, queries.matching);
  const warm = new SanctionsIndex(lists);
  const cleanWarm = measure(warm, queries.clean);
  const matchingWarm = measure(warm, queries.matching);
  return {
    label,
    entries: lists.reduce((sum, list) => sum + list.entries.length, 0),
    names: cold.indexedNameCount,
    tokens: cold.indexedTokenCount,
    buildSeconds,
    heapMegabytes,
    cleanCold,
    cleanWarm,
    matchingCold,
    matchingWarm,
  };
}

const queries = readQueries();
// The UN list first, while the heap holds nothing else (as in a service screening against it).
const small = benchmark('UN list', [un], queries);
const generatedAt = process.hrtime.bigint();
const synthetic = buildSyntheticList([un], { scale }, new SeededRandom(7));
const generationSeconds = Number(process.hrtime.bigint() - generatedAt) / 1e9;
const large = benchmark(`UN + synthetic x${scale}`, [un, synthetic], queries);

const micros = (timing: Timing): string => timing.cpuMicros.toFixed(2);
const ratio = (a: number, b: number): string => `${(b / a).toFixed(1)}x`;
const header = [
  'list',
  'entries',
  'names',
  'tokens',
  'build s',
  'index MB',
  'clean cold µs',
  'clean warm µs',
  'match cold µs',
  'match warm µs',
];
const rows = [small, large].map((row) => [
  row.label,
  row.entries.toLocaleString('en'),
  row.names.toLocaleString('en'),
  row.tokens.toLocaleString('en'),
  row.buildSeconds.toFixed(2),
  row.heapMegabytes === undefined ? '-' : row.heapMegabytes.toFixed(0),
  micros(row.cleanCold),
  micros(row.cleanWarm),
  micros(row.matchingCold),
  micros(row.matchingWarm),
]);
rows.push([
  `ratio x${scale} / x1`,
  ratio(small.entries, large.entries),
  ratio(small.names, large.names),
  ratio(small.tokens, large.tokens),
  ratio(small.buildSeconds, large.buildSeconds),
  small.heapMegabytes === undefined || large.heapMegabytes === undefined
    ? '-'
    : ratio(small.heapMegabytes, large.heapMegabytes),
  ratio(small.cleanCold.cpuMicros, large.cleanCold.cpuMicros),
  ratio(small.cleanWarm.cpuMicros, large.cleanWarm.cpuMicros),
  ratio(small.matchingCold.cpuMicros, large.matchingCold.cpuMicros),
  ratio(small.matchingWarm.cpuMicros, large.matchingWarm.cpuMicros),
]);
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
const format = (cells: readonly string[]): string =>
  cells
    .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
    .join('  ');
const lines = [
  `queries: ${queries.clean.length} clean names (ports, places, vessels, company-like), ${queries.matching.length} listed names with a typo and swapped tokens`,
  `synthetic list generated in ${generationSeconds.toFixed(2)} s (buildSyntheticList, seed 7)`,
  '',
  format(header),
  format(header.map((title) => '-'.repeat(title.length))),
  ...rows.map(format),
  '',
  'µs = CPU time per name (one core). cold: caches off, every name computed; warm: default caches, every name seen before.',
  `wall-clock µs for comparison (other processes on this machine inflate these):`,
  ...[small, large].map(
    (row) =>
      `  ${row.label.padEnd(widths[0] ?? 0)}  clean cold ${row.cleanCold.wallMicros.toFixed(2)}, warm ${row.cleanWarm.wallMicros.toFixed(2)}; match cold ${row.matchingCold.wallMicros.toFixed(2)}, warm ${row.matchingWarm.wallMicros.toFixed(2)}`,
  ),
  `names with hits: ${[small, large]
    .map(
      (row) =>
        `${row.label}: clean ${row.cleanCold.hits}/${queries.clean.length}, matching ${row.matchingCold.hits}/${queries.matching.length}`,
    )
    .join('; ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

// Recall on perturbed list names and false hits on real non-listed names, with a threshold sweep.
// Usage: npx tsx scripts/sanctions/evaluate-matching.ts [--data /work/shared/data] [--seed 20181029]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildCompanyLikeNames,
  buildPositiveCases,
  DEFAULT_NAME_MATCH_THRESHOLD,
  evaluateMatching,
  excludeListedNames,
  parseUnConsolidatedList,
  SanctionsIndex,
  SeededRandom,
} from '@chokepoint/sanctions';
import { readNegativeNames } from './negative-names.source';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '/work/shared/data' },
    seed: { type: 'string', default: '20181029' },
    threshold: { type: 'string', default: String(DEFAULT_NAME_MATCH_THRESHOLD) },
    examples: { type: 'string', default: '15' },
  },
});
const threshold = Number(values.threshold);
const random = new SeededRandom(Number(values.seed));
const list = parseUnConsolidatedList(
  readFileSync(join(__dirname, '../../libs/sanctions/data/consolidated_2018-10-29.xml')),
);
const index = new SanctionsIndex([list], { threshold });

const positives = buildPositiveCases([list], random);
const realNegatives = readNegativeNames(values.data);
const companyBases = realNegatives.filter((n) => n.source !== 'vessel (MARAD)').map((n) => n.query);
const companies = buildCompanyLikeNames(companyBases, random, 5000).map((query) => ({
  query,
  source: 'company-like (place + form)',
}));
const { kept: negatives, excluded } = excludeListedNames([list], [...realNegatives, ...companies]);

const sweep = [0.7, 0.75, 0.78, 0.8, 0.82, 0.85, 0.88, 0.9, 0.95];
const started = process.hrtime.bigint();
const report = evaluateMatching(index, positives, negatives, sweep, threshold);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const pct = (value: number): string => `${(value * 100).toFixed(2)}%`;
const out: string[] = [];
out.push(`UN list ${list.version}: ${list.entries.length} entries, ${index.indexedNameCount} indexed names`);
out.push(
  `positives ${report.positives}, negatives ${report.negatives} (excluded as literally listed: ${excluded.length}: ${excluded.map((e) => e.query).join(', ')})`,
);
out.push(`scored ${report.positives + report.negatives} names in ${seconds.toFixed(2)} s`);
out.push('', 'threshold  recall   false hits');
for (const row of report.sweep) {
  out.push(
    `${row.threshold.toFixed(2).padEnd(10)} ${pct(row.recall).padEnd(8)} ${pct(row.falseHitRate)}${row.threshold === threshold ? '  <- chosen' : ''}`,
  );
}
out.push('', `recall by perturbation at ${threshold}:`);
for (const [kind, { cases, recall }] of Object.entries(report.recallByKind)) {
  out.push(`  ${kind.padEnd(22)} ${pct(recall).padStart(8)}  (${cases})`);
}
out.push('', `false-hit rate by negative source at ${threshold}:`);
for (const [source, { cases, falseHitRate }] of Object.entries(report.falseHitRateBySource)) {
  out.push(`  ${source.padEnd(28)} ${pct(falseHitRate).padStart(8)}  (${cases})`);
}
const examples = Number(values.examples);
out.push('', 'sample misses:');
for (const miss of random.sample(report.misses, examples)) {
  out.push(`  [${miss.kind}] "${miss.query}" <- "${miss.original}" (${miss.expectedReference})`);
}
out.push('', 'sample false hits:');
for (const hit of random.sample(report.falseHits, examples)) {
  out.push(`  [${hit.source}] "${hit.query}" -> "${hit.matchedName}" ${hit.score}`);
}
process.stdout.write(`${out.join('\n')}\n`);

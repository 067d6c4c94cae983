// Recall on perturbed list names and false hits on real non-listed names, with a threshold sweep that
// marks the matcher's calibration and the rule pack's sanctions.minScore (the threshold that holds).
// Usage: npx tsx scripts/sanctions/evaluate-matching.ts [--data /work/shared/data] [--seed 20181029]
//   [--threshold 0.8] [--rules libs/engine/rule-packs/vn-default.rule-pack.yaml]
// Without the shared reference data (--data), the real unlisted names come from the sample shipped in
// libs/sanctions/data (about 4,700 of them, against about 100,000), and the run says so.
// The engine's contracts carry class-transformer decorators, which need the metadata API loaded first.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULE_PACK_PATH, loadRulePackFile } from '@chokepoint/engine';
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
import { exitOnUsage, scriptOptions } from '../script-cli';
import { hasReferenceData, readNegativeNames, readNegativeSample } from './negative-names.source';

const USAGE =
  'usage: npm run eval:sanctions -- [--data /work/shared/data] [--seed 20181029] [--threshold 0.8]\n' +
  '         [--examples 15] [--rules libs/engine/rule-packs/vn-default.rule-pack.yaml]';
const values = scriptOptions('eval:sanctions', USAGE, {
  data: { type: 'string', default: '/work/shared/data' },
  seed: { type: 'string', default: '20181029' },
  threshold: { type: 'string', default: String(DEFAULT_NAME_MATCH_THRESHOLD) },
  examples: { type: 'string', default: '15' },
  rules: { type: 'string', default: DEFAULT_RULE_PACK_PATH },
});
const threshold = Number(values.threshold);
if (!(threshold > 0 && threshold <= 1)) {
  exitOnUsage('eval:sanctions', `--threshold must be a score above 0 and at most 1, not ${values.threshold}`);
}
const packThreshold = loadRulePackFile(values.rules).sanctionsMinScore;
// The targets the calibration is chosen against (README, name-matching.evaluation.spec.ts).
const MIN_RECALL = 0.95;
const MAX_FALSE_HIT_RATE = 0.01;
const random = new SeededRandom(Number(values.seed));
const list = parseUnConsolidatedList(
  readFileSync(join(__dirname, '../../libs/sanctions/data/consolidated_2018-10-29.xml')),
);
const index = new SanctionsIndex([list], { threshold });

const positives = buildPositiveCases([list], random);
const SAMPLE = join(__dirname, '../../libs/sanctions/data/negative-names.sample.csv');
const fullData = hasReferenceData(values.data);
if (!fullData) {
  process.stderr.write(
    `eval:sanctions: no reference data under ${values.data} (--data DIR: maritime_ref/ and ` +
      'unlocode/by_country/ of the shared data folder); using the sample shipped in ' +
      "libs/sanctions/data instead, so the false-hit rate is measured on fewer names than the README's\n",
  );
}
const realNegatives = fullData ? readNegativeNames(values.data) : readNegativeSample(SAMPLE);
const companyBases = realNegatives.filter((n) => n.source !== 'vessel (MARAD)').map((n) => n.query);
const companies = buildCompanyLikeNames(companyBases, random, 5000).map((query) => ({
  query,
  source: 'company-like (place + form)',
}));
const { kept: negatives, excluded } = excludeListedNames([list], [...realNegatives, ...companies]);

const sweep = [
  ...new Set([0.7, 0.75, 0.78, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.88, 0.9, 0.95, packThreshold]),
].sort((a, b) => a - b);
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
  const marks = [
    row.threshold === threshold ? 'chosen' : '',
    row.threshold === packThreshold ? 'rule pack sanctions.minScore' : '',
    row.recall >= MIN_RECALL && row.falseHitRate <= MAX_FALSE_HIT_RATE ? '' : 'misses a target',
  ].filter((mark) => mark.length > 0);
  out.push(
    `${row.threshold.toFixed(2).padEnd(10)} ${pct(row.recall).padEnd(8)} ${pct(row.falseHitRate).padEnd(6)}${marks.length > 0 ? `  <- ${marks.join(', ')}` : ''}`,
  );
}
const meeting = report.sweep.filter(
  (row) => row.recall >= MIN_RECALL && row.falseHitRate <= MAX_FALSE_HIT_RATE,
);
out.push(
  `targets (recall >= ${pct(MIN_RECALL)}, false hits <= ${pct(MAX_FALSE_HIT_RATE)}) met from ${meeting[0]?.threshold ?? '-'} to ${meeting.at(-1)?.threshold ?? '-'}; rule pack ${values.rules}: ${packThreshold}`,
);
const packColumn = report.sweep.findIndex((row) => row.threshold === packThreshold);
out.push('', `recall by perturbation at ${threshold} (chosen) and ${packThreshold} (rule pack):`);
for (const [kind, { cases, recall }] of Object.entries(report.recallByKind)) {
  const atPack = report.recallByKindSweep[kind]?.[packColumn] ?? 0;
  out.push(`  ${kind.padEnd(22)} ${pct(recall).padStart(8)} ${pct(atPack).padStart(8)}  (${cases})`);
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCompanyLikeNames,
  buildPositiveCases,
  evaluateMatching,
  excludeListedNames,
} from './evaluation/matching.evaluation';
import { SeededRandom } from './evaluation/seeded-random';
import { loadRulePackFile } from '@chokepoint/engine';
import { DEFAULT_NAME_MATCH_THRESHOLD } from './name-match.config';
import { SanctionsIndex } from './sanctions-index.screener';
import { parseUnConsolidatedList } from './un-consolidated-list.loader';

// A smaller run of scripts/sanctions/evaluate-matching.ts, so a matching regression fails CI.
const dataDir = join(__dirname, '../data');
const list = parseUnConsolidatedList(readFileSync(join(dataDir, 'consolidated_2018-10-29.xml')));
const index = new SanctionsIndex([list]);

function readNegativeSample(): Array<{ source: string; query: string }> {
  return readFileSync(join(dataDir, 'negative-names.sample.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => {
      const comma = line.indexOf(',');
      return {
        source: line.slice(0, comma),
        query: line
          .slice(comma + 1)
          .replace(/^"|"$/g, '')
          .replace(/""/g, '"'),
      };
    });
}

describe('name matching evaluation (seeded)', () => {
  const random = new SeededRandom(42);
  const positives = buildPositiveCases([list], random, 400);
  const real = readNegativeSample();
  const companies = buildCompanyLikeNames(
    real.map((negative) => negative.query),
    random,
    1000,
  ).map((query) => ({ query, source: 'company-like' }));
  const { kept: negatives } = excludeListedNames([list], [...real, ...companies]);
  const report = evaluateMatching(
    index,
    positives,
    negatives,
    [DEFAULT_NAME_MATCH_THRESHOLD],
    DEFAULT_NAME_MATCH_THRESHOLD,
  );
  const [atThreshold] = report.sweep;

  it('is evaluated at the threshold the default rule pack holds at', () => {
    expect(loadRulePackFile().sanctionsMinScore).toBe(DEFAULT_NAME_MATCH_THRESHOLD);
  });

  it('uses a sample big enough to mean something', () => {
    expect(report.positives).toBeGreaterThan(3500);
    expect(report.negatives).toBeGreaterThan(5000);
  });

  it('finds at least 95% of perturbed list names', () => {
    expect(atThreshold?.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('hits at most 1% of real names that are not on the list', () => {
    expect(atThreshold?.falseHitRate).toBeLessThanOrEqual(0.01);
  });

  it.each(['NONE', 'SWAPPED_ORDER', 'CASE_AND_PUNCTUATION', 'LEGAL_FORM', 'ACRONYM_DROPPED'])(
    'finds every %s variant',
    (kind) => {
      expect(report.recallByKind[kind]?.recall).toBe(1);
    },
  );

  it.each(['TYPO_SUBSTITUTION', 'TYPO_TRANSPOSITION', 'TYPO_DELETION', 'DROPPED_TOKEN', 'TRANSLITERATION'])(
    'finds at least 88%% of %s variants',
    (kind) => {
      expect(report.recallByKind[kind]?.recall).toBeGreaterThanOrEqual(0.88);
    },
  );
});

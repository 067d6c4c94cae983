import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPositiveCases } from './evaluation/matching.evaluation';
import { SeededRandom } from './evaluation/seeded-random';
import { buildSyntheticList } from './evaluation/synthetic-list.generator';
import { screeningNamesOfEntry } from './listed-name.splitter';
import { NameMatchIndex, type IndexedName } from './name-match.index';
import type { SanctionsList } from './sanctions-list.model';
import { parseUnConsolidatedList } from './un-consolidated-list.loader';

const dataDir = join(__dirname, '../data');
const un = parseUnConsolidatedList(readFileSync(join(dataDir, 'consolidated_2018-10-29.xml')));

// As SanctionsIndex indexes them: names as listed, without their bracketed part, acronyms exact only.
function indexedNames(lists: readonly SanctionsList[]): IndexedName[] {
  let ownerId = 0;
  return lists.flatMap((list) =>
    list.entries.flatMap((entry) => {
      const owner = ownerId++;
      return screeningNamesOfEntry(entry).map(({ display, exact, derived }) => ({
        ownerId: owner,
        display,
        exact,
        derived,
      }));
    }),
  );
}

// Bracketed acronyms as written and one edit off, and names without their acronym or legal form
// misspelt: the exact-only names and the derived names must come out the same both ways too.
const LISTED_NAME_QUERIES = [
  'DICO',
  'd.i.c.o. ltd',
  'DISCO',
  'SAPICO',
  'AIG',
  'SIG SAUER',
  'DOOSTAN INTERNATIONAL COMPANY',
  'DOOSOAN INTERNATIONAL COMPANY',
  'ARMAMENT INDUSTRIES GROUP',
  'SABALAN COMANY',
  'CHONGCHONGANG SHIPPING CMPANY',
  'GREAT LAKES',
];

/** Listed names perturbed every way, plus real non-listed names: near misses on both sides of 0.8. */
function sampleQueries(random: SeededRandom, count: number): string[] {
  const positives = buildPositiveCases([un], random, 200).map((positive) => positive.query);
  const negatives = readFileSync(join(dataDir, 'negative-names.sample.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.slice(line.indexOf(',') + 1).replace(/"/g, ''));
  return random.sample([...positives, ...negatives], count);
}

describe('NameMatchIndex', () => {
  // The filters (early exit, prefix filter, size filter, per-candidate bounds) are exact upper
  // bounds: search must find precisely what scoring every name finds.
  describe.each([
    ['the UN list', [un], 600],
    [
      'the UN list and a synthetic list 3x larger',
      [un, buildSyntheticList([un], { scale: 3 }, new SeededRandom(3))],
      250,
    ],
  ])('on %s', (_, lists, count) => {
    const index = new NameMatchIndex(indexedNames(lists), { cachedQueries: 0, cachedTokens: 0 });
    const queries = [...sampleQueries(new SeededRandom(count), count), ...LISTED_NAME_QUERIES];

    it('finds exactly what exhaustive scoring finds, at 0.7, 0.8 and 0.9', () => {
      const differing = queries.flatMap((query) => {
        // Exhaustive once at the lowest threshold; a higher one keeps the owners that still reach it.
        const all = index.searchExhaustive(query, 0.7);
        return [0.7, 0.8, 0.9].flatMap((threshold) => {
          const expected = all.filter((match) => match.score >= threshold);
          const actual = index.search(query, threshold);
          return JSON.stringify(actual) === JSON.stringify(expected)
            ? []
            : [{ query, threshold, actual, expected }];
        });
      });
      expect(differing).toEqual([]);
      expect(queries.filter((query) => index.search(query, 0.8).length > 0).length).toBeGreaterThan(
        count / 10,
      );
    });
  });

  describe('caches', () => {
    const names = indexedNames([un]);
    const cached = new NameMatchIndex(names);
    const uncached = new NameMatchIndex(names, { cachedQueries: 0, cachedTokens: 0 });
    const queries = sampleQueries(new SeededRandom(11), 300);

    // A name is admitted on its second sighting and answered from the cache from the third.
    it.each([1, 2, 3])('answer the same as no caches on sighting %d, at any threshold', (sightings) => {
      for (const threshold of [0.8, 0.7]) {
        const expected = queries.map((query) => uncached.search(query, threshold));
        for (let round = 1; round < sightings; round++) {
          queries.forEach((query) => cached.search(query, threshold));
        }
        expect(queries.map((query) => cached.search(query, threshold))).toEqual(expected);
      }
    });

    it('hand out a fresh array, so a caller changing it changes nothing for the next', () => {
      for (let sighting = 0; sighting < 3; sighting++) {
        const matches = cached.search('KOREA YUJONG SHIPPING', 0.8);
        expect(matches.length).toBeGreaterThan(0);
        matches.length = 0;
      }
      expect(cached.search('Korea Yujong Shipping Co Ltd', 0.8).length).toBeGreaterThan(0);
    });
  });

  it.each(['', '  ', '---', 'CO LTD'])('handles a name with no useful tokens: %j', (query) => {
    const index = new NameMatchIndex(indexedNames([un]));
    expect(index.search(query, 0.8)).toEqual(index.searchExhaustive(query, 0.8));
  });
});

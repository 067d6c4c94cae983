import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SanctionsIndex } from './sanctions-index.screener';
import type { SanctionsList } from './sanctions-list.model';
import { parseUnConsolidatedList } from './un-consolidated-list.loader';

const un = parseUnConsolidatedList(readFileSync(join(__dirname, '../data/consolidated_2018-10-29.xml')));
const operatorList: SanctionsList = {
  listId: 'operator-watchlist',
  version: '7',
  entries: [
    {
      reference: 'OP-1',
      kind: 'VESSEL',
      name: 'SEA PRINCESS',
      aliases: [{ name: 'PRINCESS OF THE SEA', weak: false }],
      imoNumbers: ['9244661'],
    },
  ],
};
const index = new SanctionsIndex([un, operatorList]);

describe('SanctionsIndex', () => {
  it('records every list version', () => {
    expect(index.listVersions).toEqual({ 'un-sc-consolidated': '2018-10-29', 'operator-watchlist': '7' });
  });

  it.each([
    ['KOREA YUJONG SHIPPING CO LTD', 'KPe.066', 'KOREA YUJONG SHIPPING CO LTD'],
    ['Korea Yujong Shipping Company Limited', 'KPe.066', 'KOREA YUJONG SHIPPING CO LTD'],
    ['Yujong Korea Shipping', 'KPe.066', 'KOREA YUJONG SHIPPING CO LTD'],
    ['CHONGCHONGANG SHIPING', 'KPe.022', 'CHONGCHONGANG SHIPPING COMPANY'],
    ['Jang Chang Ha', 'KPi.037', 'CHANG CHANG HA'],
    ['Bagdadi, Abu Bakr', 'QDi.299', 'Abu Bakr al-Baghdadi'],
    ['Hunjin Trading Co., Ltd.', 'KPe.011', 'Hunjin TRADING Co.'],
    ['Sea Princess', 'OP-1', 'SEA PRINCESS'],
  ])('%j hits %s through %j', (query, reference, matchedName) => {
    const hit = index.screenName(query).find((candidate) => candidate.entryReference === reference);
    expect(hit).toMatchObject({ matchedName, matchedOn: 'NAME' });
    expect(hit?.score).toBeGreaterThanOrEqual(index.threshold);
  });

  describe('names as bills of lading write them', () => {
    // The score PARTY_SANCTIONED holds at in the VN rule pack (libs/engine/rule-packs, sanctions.minScore).
    const packMinScore = 0.85;

    it.each([
      // The list's bracketed acronym left out: 0.84 and 0.846 against the full name before.
      ['DOOSTAN INTERNATIONAL COMPANY', 'IRe.013', 'DOOSTAN INTERNATIONAL COMPANY', 1],
      ['ARMAMENT INDUSTRIES GROUP', 'IRe.005', 'ARMAMENT INDUSTRIES GROUP', 1],
      ['SPECIAL INDUSTRIES GROUP', 'IRe.073', 'SPECIAL INDUSTRIES GROUP', 1],
      ['Doostan International Company (DICO)', 'IRe.013', 'DOOSTAN INTERNATIONAL COMPANY (DICO)', 1],
      // A misspelt legal form: no hit at all, and 0.84, before.
      ['SABALAN COMANY', 'IRe.058', 'SABALAN COMPANY', 1],
      ['CHONGCHONGANG SHIPPING CMPANY', 'KPe.022', 'CHONGCHONGANG SHIPPING COMPANY', 1],
      // Both, and a typo in the name on top (the quality report's misses).
      ['SAHAND ALUMINUM PARTS INDUSTRIAL COMPAY', 'IRe.061', 'SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY', 1],
      ['DOOSOAN INTERNATIONAL COMPANY', 'IRe.013', 'DOOSTAN INTERNATIONAL COMPANY', 0.865],
      // The acronym alone, spelt as listed.
      ['DICO', 'IRe.013', 'DICO', 1],
      ['d.i.c.o. ltd', 'IRe.013', 'DICO', 1],
      ['Sapico', 'IRe.061', 'SAPICO', 1],
    ])('%j hits %s through %j with %d', (query, reference, matchedName, score) => {
      const hit = index.screenName(query).find((candidate) => candidate.entryReference === reference);
      expect(hit).toMatchObject({ matchedName, score, matchedOn: 'NAME' });
      expect(hit?.score).toBeGreaterThanOrEqual(packMinScore);
    });

    it.each(['DISCO', 'DICOS', 'SAPICA', 'DICO TRADING', 'SIG SAUER'])(
      '%j is clean: an acronym matches only as written',
      (query) => {
        expect(index.screenName(query)).toEqual([]);
      },
    );

    it('finds every UN entity with a bracketed part under its name without it, at score 1', () => {
      const bracketed = un.entries.filter((entry) => /\(.*\)/.test(entry.name));
      const missed = bracketed.flatMap((entry) =>
        entry.name
          .split(';')
          .map((name) => name.replace(/\s*\([^()]*\)\s*/g, ' ').trim())
          .filter(
            (name) =>
              index.screenName(name).find((hit) => hit.entryReference === entry.reference)?.score !== 1,
          ),
      );
      expect(bracketed.length).toBeGreaterThan(50);
      expect(missed).toEqual([]);
    });
  });

  it.each([
    'ALASKAN EXPLORER',
    'Hai Phong Shipping Co Ltd',
    'Korea',
    'Bank',
    'Rotterdam',
    'Trading Company',
    '',
  ])('%j is clean', (query) => {
    expect(index.screenName(query)).toEqual([]);
  });

  it('names the list, the entry and the score on a hit', () => {
    expect(index.screenName('KOREA YUJONG SHIPPING')[0]).toEqual({
      listId: 'un-sc-consolidated',
      entryReference: 'KPe.066',
      entryName: 'KOREA YUJONG SHIPPING CO LTD',
      matchedName: 'KOREA YUJONG SHIPPING CO LTD',
      score: 1,
      matchedOn: 'NAME',
    });
  });

  it.each([
    ['5342883', 'KPe.022'],
    ['IMO 1790183', 'KPe.020'],
    ['imo 9244661', 'OP-1'],
  ])('screens IMO %j exactly', (imo, reference) => {
    expect(index.screenImo(imo)).toEqual([
      expect.objectContaining({ entryReference: reference, score: 1, matchedOn: 'IMO' }),
    ]);
  });

  it.each(['5342884', '534288', 'not a number'])('IMO %j is clean', (imo) => {
    expect(index.screenImo(imo)).toEqual([]);
  });

  describe('result cache', () => {
    const uncached = new SanctionsIndex([un, operatorList], { cachedNames: 0, cachedTokens: 0 });
    const queries = [
      'Korea Yujong Shipping',
      'Hai Phong Shipping Co Ltd',
      'Bagdadi, Abu Bakr',
      'Sea Princess',
    ];

    it('screens the same with and without caches, the first time and from the cache', () => {
      const expected = queries.map((query) => uncached.screenName(query));
      for (let sighting = 0; sighting < 3; sighting++) {
        expect(queries.map((query) => index.screenName(query))).toEqual(expected);
      }
    });

    it('shares the entry between spellings of the same normalised name', () => {
      expect(index.screenName('korea yujong shipping co., ltd.')).toEqual(
        index.screenName('KOREA YUJONG SHIPPING CO LTD'),
      );
    });

    it('hands out hits the caller may change without changing the next answer', () => {
      for (let sighting = 0; sighting < 3; sighting++) {
        const [hit] = index.screenName('Sea Princess');
        expect(hit?.score).toBe(1);
        if (hit !== undefined) {
          hit.score = 0;
        }
      }
    });

    it('screens at another threshold apart from the default', () => {
      const loose = index.screenNameAt('Korea Yujong', 0.5);
      expect(loose.length).toBeGreaterThanOrEqual(index.screenName('Korea Yujong').length);
      expect(loose.every((hit) => hit.score >= 0.5)).toBe(true);
    });

    it('refuses a negative cache size', () => {
      expect(() => new SanctionsIndex([un], { cachedNames: -1 })).toThrow(RangeError);
    });
  });

  it('refuses the same list twice', () => {
    expect(() => new SanctionsIndex([operatorList, operatorList])).toThrow('loaded twice');
  });
});

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

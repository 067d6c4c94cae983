import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnConsolidatedList, splitAliasText } from './un-consolidated-list.loader';

const xml = readFileSync(join(__dirname, '../data/consolidated_2018-10-29.xml'));

describe('UN consolidated list loader', () => {
  const list = parseUnConsolidatedList(xml);
  const byReference = new Map(list.entries.map((entry) => [entry.reference, entry]));

  it('reads the 2018 snapshot: version, 703 individuals, 390 entities', () => {
    expect(list.listId).toBe('un-sc-consolidated');
    expect(list.version).toBe('2018-10-29');
    expect(list.entries.filter((entry) => entry.kind === 'INDIVIDUAL')).toHaveLength(703);
    expect(list.entries.filter((entry) => entry.kind === 'ENTITY')).toHaveLength(390);
  });

  it.each([
    ['KPi.033', 'RI WON HO'], // stray spaces around FIRST_NAME
    ['KPi.038', 'CHO CHUN RYONG'],
    ['KPi.034', 'JO YONG CHOL'], // stray space in REFERENCE_NUMBER
    ['KPe.053', 'PROPAGANDA AND AGITATION DEPARTMENT (PAD)'],
  ])('%s is named %j', (reference, name) => {
    expect(byReference.get(reference)?.name).toBe(name);
  });

  it('drops empty alias placeholders and keeps Good aliases', () => {
    expect(byReference.get('KPi.033')?.aliases).toEqual([]);
    expect(byReference.get('KPi.037')?.aliases).toEqual([{ name: 'Jang Chang Ha', weak: false }]);
  });

  it('marks Low-quality aliases weak and keeps original-script names', () => {
    const entries = list.entries.filter((entry) => entry.aliases.some((alias) => alias.weak));
    expect(entries.length).toBeGreaterThan(50);
    expect(
      list.entries.some((entry) => entry.aliases.some((alias) => /\p{Script=Arabic}/u.test(alias.name))),
    ).toBe(true);
  });

  it.each([
    ['KPe.022', ['5342883']],
    ['KPe.066', ['5434358']],
    ['KPe.020', ['1790183']],
  ])('%s carries IMO numbers from COMMENTS1', (reference, imoNumbers) => {
    expect(byReference.get(reference)?.imoNumbers).toEqual(imoNumbers);
  });

  it('accepts a single INDIVIDUAL and no ENTITIES', () => {
    const tiny = parseUnConsolidatedList(
      '<CONSOLIDATED_LIST dateGenerated="2024-01-02T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>' +
        '<FIRST_NAME>A</FIRST_NAME><SECOND_NAME> B </SECOND_NAME><THIRD_NAME/><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER>' +
        '<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>C D</ALIAS_NAME></INDIVIDUAL_ALIAS>' +
        '</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>',
    );
    expect(tiny).toEqual({
      listId: 'un-sc-consolidated',
      version: '2024-01-02',
      entries: [
        {
          reference: 'X.1',
          kind: 'INDIVIDUAL',
          name: 'A B',
          aliases: [{ name: 'C D', weak: true }],
          imoNumbers: [],
        },
      ],
    });
  });

  it('rejects a document that is not a consolidated list', () => {
    expect(() => parseUnConsolidatedList('<OTHER/>')).toThrow('CONSOLIDATED_LIST');
  });

  it.each([
    ['Mortaza Safari; Morteza Saferi', ['Mortaza Safari', 'Morteza Saferi']],
    ['Abu Muhammad Al-Kadari (original script: Абу Мухаммад)', ['Abu Muhammad Al-Kadari', 'Абу Мухаммад']],
    ['Safia Farkash, born 1 Jan. 1953 (Oman passport no.03825239)', ['Safia Farkash']],
    ['  Jo Chun Ryong ', ['Jo Chun Ryong']],
    ['', []],
  ])('splits alias text %j', (raw, expected) => {
    expect(splitAliasText(raw)).toEqual(expected);
  });
});

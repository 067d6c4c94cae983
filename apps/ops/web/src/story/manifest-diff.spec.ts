import { displayValue, humanizeField } from './display-value';
import { describeChanges, listTokens, summarizeChanges } from './manifest-diff';

describe('humanizeField', () => {
  it.each([
    ['placeOfDelivery', 'Place of delivery'],
    ['parties[CONSIGNEE].name', 'Parties › CONSIGNEE › Name'],
    ['goods.0.hsCodes', 'Goods › 0 › HS codes'],
    ['vesselImoNumber', 'Vessel IMO number'],
    ['unNumbers', 'UN numbers'],
    ['equipment_reference', 'Equipment reference'],
    ['IMO', 'IMO'],
  ])('%s → %s', (path, expected) => {
    expect(humanizeField(path)).toBe(expected);
  });
});

describe('displayValue', () => {
  it.each<[unknown, string]>([
    [null, '—'],
    [undefined, '—'],
    ['', '(empty)'],
    ['VNHPH', 'VNHPH'],
    [12.5, '12.5'],
    [false, 'false'],
    [[], '(none)'],
    [['SL-1', 'SL-2'], 'SL-1, SL-2'],
    [{}, '(none)'],
    [{ name: 'ACME', countryCode: 'KP' }, 'Name: ACME; Country code: KP'],
    [[{ ref: 'A' }, { ref: 'B' }], 'Ref: A, Ref: B'],
  ])('%p → %p', (value, expected) => {
    expect(displayValue(value)).toBe(expected);
  });
});

describe('listTokens', () => {
  it('marks kept, added and removed items', () => {
    expect(listTokens(['SL-1', 'SL-2'], ['SL-2', 'SL-3'])).toEqual([
      { text: 'SL-2', kind: 'kept' },
      { text: 'SL-3', kind: 'added' },
      { text: 'SL-1', kind: 'removed' },
    ]);
  });
});

describe('describeChanges', () => {
  it.each([
    [{ field: 'placeOfDelivery', before: 'KHPNH', after: 'IRBND' }, 'changed', 'KHPNH', 'IRBND'],
    [{ field: 'notifyParty', before: null, after: { name: 'X' } }, 'added', null, 'Name: X'],
    [{ field: 'notifyParty', before: { name: 'X' }, after: null }, 'removed', 'Name: X', null],
    [{ field: 'seals', before: [], after: ['SL-9'] }, 'added', null, 'SL-9'],
    [{ field: 'grossWeightKg', before: 1200, after: 2400 }, 'changed', '1200', '2400'],
  ] as const)('%p', (change, kind, before, after) => {
    expect(describeChanges([change])[0]).toMatchObject({ kind, before, after });
  });

  it('gives list values item tokens and scalar values none', () => {
    const [seals, place] = describeChanges([
      { field: 'containers[MSKU2666542].seals', before: ['SL-1001'], after: ['SL-2002'] },
      { field: 'placeOfDelivery', before: 'A', after: 'B' },
    ]);
    expect(seals?.label).toBe('Containers › MSKU2666542 › Seals');
    expect(seals?.tokens).toEqual([
      { text: 'SL-2002', kind: 'added' },
      { text: 'SL-1001', kind: 'removed' },
    ]);
    expect(place?.tokens).toBeNull();
  });

  it('does not tokenise lists of objects', () => {
    expect(describeChanges([{ field: 'parties', before: [{ a: 1 }], after: [] }])[0]?.tokens).toBeNull();
  });
});

describe('summarizeChanges', () => {
  it.each([
    [[], 'No field changed.'],
    [[{ field: 'placeOfDelivery', before: 'A', after: 'B' }], '1 field changed: place of delivery.'],
    [
      [
        { field: 'placeOfDelivery', before: 'A', after: 'B' },
        { field: 'consigneeName', before: 'C', after: 'D' },
      ],
      '2 fields changed: place of delivery, consignee name.',
    ],
    [
      [{ field: 'containers[MSKU2666542].seals', before: ['A'], after: ['B'] }],
      '1 field changed: containers › MSKU2666542 › Seals.',
    ],
  ])('%p', (changes, expected) => {
    expect(summarizeChanges(describeChanges(changes))).toBe(expected);
  });
});

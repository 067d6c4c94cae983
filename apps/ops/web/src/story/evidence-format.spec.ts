import { evidenceEntries } from './evidence-format';

describe('evidenceEntries', () => {
  it('turns the pinned SEAL_MISMATCH evidence into terms and descriptions', () => {
    expect(
      evidenceEntries({
        equipmentReference: 'MSKU2666542',
        expected: ['SL-1001'],
        observed: ['SL-2002', 'SL-3003'],
      }),
    ).toEqual([
      { term: 'Equipment reference', descriptions: ['MSKU2666542'] },
      { term: 'Expected', descriptions: ['SL-1001'] },
      { term: 'Observed', descriptions: ['SL-2002', 'SL-3003'] },
    ]);
  });

  it.each<[Record<string, unknown> | null | undefined, number]>([
    [null, 0],
    [undefined, 0],
    [{}, 0],
  ])('has no entries for %p', (evidence, length) => {
    expect(evidenceEntries(evidence)).toHaveLength(length);
  });

  it('renders nested and empty values', () => {
    expect(
      evidenceEntries({ listEntry: { referenceNumber: 'KPe.001', score: 0.93 }, aliases: [], licence: null }),
    ).toEqual([
      { term: 'List entry', descriptions: ['Reference number: KPe.001; Score: 0.93'] },
      { term: 'Aliases', descriptions: ['(none)'] },
      { term: 'Licence', descriptions: ['—'] },
    ]);
  });
});

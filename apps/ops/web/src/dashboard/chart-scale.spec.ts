import { axisTicks, hourLabel, niceCeiling, rankedEntries, scaleLinear } from './chart-scale';

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [-4, 1],
    [Number.NaN, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [20, 20],
    [51, 100],
    [0.3, 0.5],
  ])('%p → %p', (value, expected) => {
    expect(niceCeiling(value)).toBeCloseTo(expected);
  });
});

describe('axisTicks', () => {
  it.each([
    [0, [0, 1]],
    [1, [0, 1]],
    [4, [0, 1, 2, 3, 4]],
    [17, [0, 5, 10, 15, 20]],
    [80, [0, 20, 40, 60, 80]],
    [130, [0, 50, 100, 150]],
    [2.5, [0, 1, 2, 3]],
  ])('%p → %p', (max, expected) => {
    expect(axisTicks(max)).toEqual(expected);
  });

  it('always ends at or above the maximum', () => {
    for (const max of [2, 9, 33, 99, 101, 777, 4096]) {
      expect(axisTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
    }
  });
});

describe('scaleLinear', () => {
  it('maps the domain onto the range and clamps negatives', () => {
    const scale = scaleLinear(20, 200);
    expect([scale(0), scale(5), scale(20), scale(-3)]).toEqual([0, 50, 200, 0]);
    expect(scaleLinear(0, 100)(5)).toBe(0);
  });
});

describe('rankedEntries', () => {
  it('sorts by count then name and drops zeros', () => {
    expect(rankedEntries({ IMPORT: 3, EXPORT: 3, TRANSIT: 9, TRANSSHIPMENT: 0 })).toEqual([
      { label: 'TRANSIT', value: 9 },
      { label: 'EXPORT', value: 3 },
      { label: 'IMPORT', value: 3 },
    ]);
  });

  it('sums the tail beyond the limit', () => {
    expect(rankedEntries({ A: 5, B: 4, C: 3, D: 2 }, 3)).toEqual([
      { label: 'A', value: 5 },
      { label: 'B', value: 4 },
      { label: 'Others', value: 5 },
    ]);
  });
});

describe('hourLabel', () => {
  it.each([
    ['2026-03-04T14:00:00Z', '14:00'],
    ['2026-03-04T14:00:00+07:00', '07:00'],
    ['later', 'later'],
  ])('%p → %p', (iso, expected) => {
    expect(hourLabel(iso)).toBe(expected);
  });
});

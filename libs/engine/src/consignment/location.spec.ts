import { parseEventTime } from './location';

/** Deterministic LCG so the generated times are the same on every run. */
function generator(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % bound;
  };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

describe('parseEventTime', () => {
  it.each([
    ['2026-03-04T10:15:00Z'],
    ['2026-03-04T10:15:00.123Z'],
    ['2026-02-29T00:00:00Z'],
    ['2026-02-30T12:00:00Z'],
    ['2026-04-31T00:00:00.000Z'],
    ['2026-03-01T24:00:00Z'],
    ['2026-03-01T23:59:60Z'],
    ['2026-13-01T00:00:00Z'],
    ['0050-03-01T00:00:00Z'],
    ['2026-03-04T10:15:00+07:00'],
    ['2026-03-04T10:15:00.5Z'],
    ['2026-03-04T10:15:00.123456Z'],
    ['2026-03-04'],
    ['2026-03-04T10:15Z'],
    ['2026-03-04T1a:15:00Z'],
    ['not a time at all'],
  ])('reads %s exactly as Date.parse does', (iso) => {
    expect(parseEventTime(iso)).toEqual(Date.parse(iso));
  });

  it('agrees with Date.parse on generated times in both common shapes', () => {
    const next = generator(20260304);
    const times: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      const base = `${pad(next(3000), 4)}-${pad(next(14), 2)}-${pad(next(33), 2)}T${pad(next(26), 2)}:${pad(next(61), 2)}:${pad(next(61), 2)}`;
      times.push(`${base}Z`, `${base}.${pad(next(1000), 3)}Z`);
    }
    const disagreements = times.filter((iso) => !Object.is(parseEventTime(iso), Date.parse(iso)));

    expect(disagreements).toEqual([]);
  });

  it('counts a date-only expiry to the end of that day', () => {
    expect(parseEventTime('2026-12-31', true)).toBe(Date.parse('2026-12-31T23:59:59.999Z'));
    expect(parseEventTime('2026-12-31T10:00:00Z', true)).toBe(Date.parse('2026-12-31T10:00:00Z'));
  });
});

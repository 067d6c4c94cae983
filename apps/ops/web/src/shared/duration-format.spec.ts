import { formatAge, formatDuration, formatInstant } from './duration-format';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatDuration', () => {
  it.each([
    [0, '<1 min'],
    [59_999, '<1 min'],
    [MIN, '1 min'],
    [45 * MIN, '45 min'],
    [HOUR, '1 h'],
    [3 * HOUR + 5 * MIN, '3 h 5 min'],
    [24 * HOUR, '1 d'],
    [52 * HOUR, '2 d 4 h'],
    [-(90 * MIN), '1 h 30 min'],
  ])('%p ms → %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatAge', () => {
  const now = new Date('2026-03-04T12:00:00Z');
  it.each([
    ['2026-03-04T10:30:00Z', '1 h 30 min'],
    ['2026-03-04T12:05:00Z', '<1 min'],
    ['not a date', '—'],
  ])('since %p → %p', (since, expected) => {
    expect(formatAge(since, now)).toBe(expected);
  });
});

describe('formatInstant', () => {
  it.each([
    ['2026-03-04T10:15:42.123Z', '2026-03-04 10:15 UTC'],
    ['2026-03-04T12:15:00+02:00', '2026-03-04 10:15 UTC'],
    [null, '—'],
    ['', '—'],
    ['yesterday', 'yesterday'],
  ])('%p → %p', (iso, expected) => {
    expect(formatInstant(iso)).toBe(expected);
  });
});

import { sealCheck, type SealCheck } from './seal-check';

describe('sealCheck', () => {
  it.each<[string[], string[], SealCheck]>([
    [['SL-1001'], ['SL-1001'], 'MATCH'],
    [['SL-1', 'SL-2'], ['sl-2 ', 'SL-1'], 'MATCH'],
    [['SL-1001'], ['SL-2002'], 'MISMATCH'],
    [['SL-1'], ['SL-1', 'SL-2'], 'MISMATCH'],
    [[], ['SL-9'], 'MISMATCH'],
    [['SL-1'], [], 'NOT_OBSERVED'],
    [[], [], 'NO_SEALS_EXPECTED'],
  ])('expected %p observed %p → %s', (expected, observed, result) => {
    expect(sealCheck(expected, observed)).toBe(result);
  });
});

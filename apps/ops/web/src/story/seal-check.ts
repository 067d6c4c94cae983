export type SealCheck = 'MATCH' | 'MISMATCH' | 'NOT_OBSERVED' | 'NO_SEALS_EXPECTED';

/** Whether a container's observed seals are the ones expected (order does not matter). */
export function sealCheck(expected: readonly string[], observed: readonly string[]): SealCheck {
  if (observed.length === 0) {
    return expected.length === 0 ? 'NO_SEALS_EXPECTED' : 'NOT_OBSERVED';
  }
  const normalise = (seals: readonly string[]) =>
    [...new Set(seals.map((seal) => seal.trim().toUpperCase()))].sort();
  const a = normalise(expected);
  const b = normalise(observed);
  return a.length === b.length && a.every((seal, index) => seal === b[index]) ? 'MATCH' : 'MISMATCH';
}

export const SEAL_CHECK_LABELS: Record<SealCheck, { symbol: string; label: string }> = {
  MATCH: { symbol: '✔', label: 'Seals match' },
  MISMATCH: { symbol: '✖', label: 'Seal mismatch' },
  NOT_OBSERVED: { symbol: '…', label: 'Not yet observed' },
  NO_SEALS_EXPECTED: { symbol: '–', label: 'No seals declared' },
};

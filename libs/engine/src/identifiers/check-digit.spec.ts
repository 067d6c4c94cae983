import { isValidContainerNumber, isValidImoNumber } from './check-digit';

// The straightforward definitions (regular expression and powers of two) the fast versions must match.
const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (let code = 65; code <= 90; code += 1) {
    if (value % 11 === 0) {
      value += 1;
    }
    values[String.fromCharCode(code)] = value;
    value += 1;
  }
  return values;
})();

function referenceContainerCheck(reference: string): boolean {
  if (!/^[A-Z]{3}[UJZR]\d{7}$/.test(reference)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = reference.charAt(i);
    sum += (i < 4 ? (LETTER_VALUES[char] ?? 0) : Number(char)) * 2 ** i;
  }
  return (sum % 11) % 10 === Number(reference.charAt(10));
}

function referenceImoCheck(imo: string): boolean {
  if (!/^\d{7}$/.test(imo)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 6; i += 1) {
    sum += Number(imo.charAt(i)) * (7 - i);
  }
  return sum % 10 === Number(imo.charAt(6));
}

/** Deterministic pseudo-random strings over an alphabet that mixes valid and invalid characters. */
function samples(alphabet: string, lengths: number[], count: number): string[] {
  let seed = 20260301;
  const next = (bound: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % bound;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const length = lengths[next(lengths.length)] ?? 0;
    let text = '';
    for (let i = 0; i < length; i += 1) {
      text += alphabet.charAt(next(alphabet.length));
    }
    out.push(text);
  }
  return out;
}

describe('container number check digit (ISO 6346)', () => {
  it.each([
    ['MSKU2666542', true],
    ['TGHU8821340', true],
    ['CSQU3054383', true],
    ['CSQU3054384', false],
    ['MSKX2666542', false],
    ['msku2666542', false],
    ['MSKU266654', false],
    ['MSKU26665420', false],
    ['MSKU26665 2', false],
    ['', false],
  ])('%s → %s', (reference, valid) => {
    expect(isValidContainerNumber(reference)).toBe(valid);
  });

  it('agrees with the regular-expression definition on generated references', () => {
    const owners = samples('ABCMSKUZ', [3], 400);
    const rest = samples('0123456789', [7], 400);
    const generated = owners.flatMap((owner, i) =>
      ['U', 'J', 'Z', 'R', 'X'].map((category) => `${owner}${category}${rest[i] ?? ''}`),
    );
    const noisy = samples('AMSKU019 -', [10, 11, 12], 2000);
    const disagreements = [...generated, ...noisy].filter(
      (reference) => isValidContainerNumber(reference) !== referenceContainerCheck(reference),
    );

    expect(generated.filter(referenceContainerCheck).length).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
  });
});

describe('IMO number check digit', () => {
  it.each([
    ['9321483', true],
    ['9074729', true],
    ['9321484', false],
    ['932148', false],
    ['93214830', false],
    ['93214a3', false],
  ])('%s → %s', (imo, valid) => {
    expect(isValidImoNumber(imo)).toBe(valid);
  });

  it('agrees with the regular-expression definition on generated numbers', () => {
    const generated = samples('0123456789', [7], 3000);
    const noisy = samples('0123456789 x', [6, 7, 8], 2000);
    const disagreements = [...generated, ...noisy].filter(
      (imo) => isValidImoNumber(imo) !== referenceImoCheck(imo),
    );

    expect(generated.filter(referenceImoCheck).length).toBeGreaterThan(200);
    expect(disagreements).toEqual([]);
  });
});

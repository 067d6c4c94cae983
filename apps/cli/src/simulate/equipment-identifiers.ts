import { iso6346CheckDigit } from '@chokepoint/ingest-decoding';

/** ISO 6346 container number: owner code and category (e.g. MSKU), six-digit serial, check digit. */
export function containerNumber(ownerAndCategory: string, serial: string): string {
  const firstTen = `${ownerAndCategory}${serial}`;
  const check = iso6346CheckDigit(firstTen);
  if (check === undefined) {
    throw new Error(`not an ISO 6346 owner code and serial: ${firstTen}`);
  }
  return `${firstTen}${check}`;
}

/** The same number with a wrong check digit, as a typo or a forged plate gives it. */
export function withWrongCheckDigit(reference: string): string {
  const digit = Number(reference.charAt(10));
  return `${reference.slice(0, 10)}${(digit + 1 + (digit % 3)) % 10}`;
}

/** IMO ship number check digit: sum of the first six digits weighted 7..2, modulo 10. */
export function imoCheckDigit(firstSix: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    sum += Number(firstSix.charAt(i)) * (7 - i);
  }
  return sum % 10;
}

export function imoNumber(firstSix: string): string {
  return `${firstSix}${imoCheckDigit(firstSix)}`;
}

/** A real ship's IMO number with two digits swapped: the check digit no longer holds. */
export function spoofedImoNumber(real: string): string {
  for (let i = 0; i < 5; i++) {
    const swapped = `${real.slice(0, i)}${real.charAt(i + 1)}${real.charAt(i)}${real.slice(i + 2)}`;
    if (swapped !== real && imoCheckDigit(swapped.slice(0, 6)) !== Number(swapped.charAt(6))) {
      return swapped;
    }
  }
  const last = Number(real.charAt(6));
  return `${real.slice(0, 6)}${(last + 5) % 10}`;
}

// Letter values skip multiples of 11 (11, 22, 33), as ISO 6346 prescribes.
const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) {
      value++;
    }
    values[letter] = value++;
  }
  return values;
})();

const ISO6346_SHAPE = /^[A-Z]{3}[UJZR]\d{7}$/;

/** The check digit for the first ten characters (owner code, category, serial), or undefined when malformed. */
export function iso6346CheckDigit(firstTen: string): number | undefined {
  if (!/^[A-Z]{3}[UJZR]\d{6}$/.test(firstTen)) {
    return undefined;
  }
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = firstTen.charAt(i);
    const value = i < 4 ? LETTER_VALUES[c] : Number(c);
    if (value === undefined) {
      return undefined;
    }
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** True when the container number has the ISO 6346 shape and its eleventh character is the right check digit. */
export function isValidIso6346(containerNumber: string): boolean {
  if (!ISO6346_SHAPE.test(containerNumber)) {
    return false;
  }
  return iso6346CheckDigit(containerNumber.slice(0, 10)) === Number(containerNumber.charAt(10));
}

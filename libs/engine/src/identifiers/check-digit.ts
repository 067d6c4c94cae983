// Both checks run on every screening for every container and vessel, so they read char codes instead
// of matching a regular expression.

const CODE_A = 65;
const CODE_Z = 90;
const CODE_0 = 48;

// ISO 6346 Annex A: letter values skip multiples of 11 (A=10, B=12, … Z=38); index = char code - 65.
const ISO6346_LETTER_VALUES: readonly number[] = (() => {
  const values: number[] = [];
  let value = 10;
  for (let code = CODE_A; code <= CODE_Z; code += 1) {
    if (value % 11 === 0) {
      value += 1;
    }
    values.push(value);
    value += 1;
  }
  return values;
})();

function digitAt(text: string, index: number): number {
  const value = text.charCodeAt(index) - CODE_0;
  return value >= 0 && value <= 9 ? value : -1;
}

function isUpperLetter(code: number): boolean {
  return code >= CODE_A && code <= CODE_Z;
}

/** ISO 6346 container number: owner code, category U/J/Z/R, six digits, check digit. */
export function isValidContainerNumber(reference: string): boolean {
  if (reference.length !== 11) {
    return false;
  }
  const category = reference.charAt(3);
  if (category !== 'U' && category !== 'J' && category !== 'Z' && category !== 'R') {
    return false;
  }
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 10; i += 1) {
    let value: number;
    if (i < 4) {
      const code = reference.charCodeAt(i);
      if (!isUpperLetter(code)) {
        return false;
      }
      value = ISO6346_LETTER_VALUES[code - CODE_A] ?? 0;
    } else {
      value = digitAt(reference, i);
      if (value < 0) {
        return false;
      }
    }
    sum += value * weight;
    weight *= 2;
  }
  return (sum % 11) % 10 === digitAt(reference, 10);
}

/** IMO ship number: the last digit is the sum of the first six weighted 7..2, modulo 10. */
export function isValidImoNumber(imoNumber: string): boolean {
  if (imoNumber.length !== 7) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 6; i += 1) {
    const value = digitAt(imoNumber, i);
    if (value < 0) {
      return false;
    }
    sum += value * (7 - i);
  }
  const check = digitAt(imoNumber, 6);
  return check >= 0 && sum % 10 === check;
}

const ISO6346_LETTER_VALUES: Record<string, number> = (() => {
  // Letter values skip multiples of 11 (ISO 6346 Annex A): A=10, B=12, … Z=38.
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

/** ISO 6346 container number: owner code, category U/J/Z/R, six digits, check digit. */
export function isValidContainerNumber(reference: string): boolean {
  if (!/^[A-Z]{3}[UJZR]\d{7}$/.test(reference)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = reference.charAt(i);
    const value = i < 4 ? (ISO6346_LETTER_VALUES[char] ?? 0) : Number(char);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10 === Number(reference.charAt(10));
}

/** IMO ship number: the last digit is the sum of the first six weighted 7..2, modulo 10. */
export function isValidImoNumber(imoNumber: string): boolean {
  if (!/^\d{7}$/.test(imoNumber)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 6; i += 1) {
    sum += Number(imoNumber.charAt(i)) * (7 - i);
  }
  return sum % 10 === Number(imoNumber.charAt(6));
}

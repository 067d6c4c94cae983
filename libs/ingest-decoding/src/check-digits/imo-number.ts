/** IMO ship number: seven digits, the last being sum(digit_i * (7 - i)) mod 10 over the first six. */
export function isValidImoNumber(imoNumber: string): boolean {
  const digits = imoNumber.replace(/^IMO\s*/i, '');
  if (!/^\d{7}$/.test(digits)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    sum += Number(digits.charAt(i)) * (7 - i);
  }
  return sum % 10 === Number(digits.charAt(6));
}

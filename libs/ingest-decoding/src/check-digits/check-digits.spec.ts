import { isValidImoNumber } from './imo-number';
import { iso6346CheckDigit, isValidIso6346 } from './iso6346';

describe('ISO 6346 container numbers', () => {
  it.each([
    ['CSQU3054383', true],
    ['MSKU2666542', true],
    ['MSKU2666547', false],
    ['TGHU1234567', true],
    ['APZU4812090', true],
    ['NARU3472484', true],
    ['MSCU9988776', false],
    ['TGHU1234561', false],
    ['CSQU3054384', false],
    ['csqu3054383', false],
    ['CSQX3054383', false],
    ['CSQU305438', false],
    ['', false],
  ])('%p valid=%p', (containerNumber, valid) => {
    expect(isValidIso6346(containerNumber)).toBe(valid);
  });

  it.each([
    ['CSQU305438', 3],
    ['MSKU266654', 2],
    ['HLXU123456', 1],
    ['APZU481209', 0],
  ])('check digit of %p is %p', (firstTen, digit) => {
    expect(iso6346CheckDigit(firstTen)).toBe(digit);
  });

  it('always yields a single digit (remainder 10 maps to 0)', () => {
    for (let serial = 0; serial < 200; serial++) {
      const firstTen = `ABCU${String(serial).padStart(6, '0')}`;
      const digit = iso6346CheckDigit(firstTen);
      expect(digit).toBeGreaterThanOrEqual(0);
      expect(digit).toBeLessThanOrEqual(9);
    }
  });

  it('rejects malformed prefixes', () => {
    expect(iso6346CheckDigit('AB1U123456')).toBeUndefined();
  });
});

describe('IMO numbers', () => {
  it.each([
    ['9321483', true],
    ['IMO 9321483', true],
    ['9074729', true],
    ['9321484', false],
    ['1234567', true],
    ['7654321', false],
    ['932148', false],
    ['93214830', false],
    ['abcdefg', false],
  ])('%p valid=%p', (imo, valid) => {
    expect(isValidImoNumber(imo)).toBe(valid);
  });
});

import { extractImoNumbers, normaliseImoNumber } from './imo-number.extractor';

describe('IMO numbers', () => {
  it.each([
    ['IMO Number: 5342883. The Chongchongang Shipping Company', ['5342883']],
    ['Company Number IMO 5434358.', ['5434358']],
    ['International Maritime Organization (IMO) Number: 1790183.', ['1790183']],
    ['IMO: 9137997 and 8914934; IMO no. 9248489', ['9137997', '8914934', '9248489']],
    ['IMO 5342883, IMO 5342883', ['5342883']],
    ['Passport 1234567, born 1964', []],
    ['IMON 1234567 is no IMO reference', []],
    ['', []],
  ])('extracts from %j', (text, expected) => {
    expect(extractImoNumbers(text)).toEqual(expected);
  });

  it.each([
    ['IMO 9244661', '9244661'],
    [' imo9244661 ', '9244661'],
    ['9244661', '9244661'],
    ['924466', undefined],
    ['IMO 92446610', undefined],
    ['ABC', undefined],
  ])('normalises %j', (input, expected) => {
    expect(normaliseImoNumber(input)).toBe(expected);
  });
});

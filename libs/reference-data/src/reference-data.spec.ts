import { CountryDirectory } from './country.directory';
import { HsNomenclature } from './hs-nomenclature.directory';
import { MaritimeIdentificationDigits } from './maritime-identification-digits.directory';
import { defaultReferenceData } from './reference-data';
import { UnLocodeDirectory } from './un-locode.directory';

describe('UnLocodeDirectory', () => {
  const directory = new UnLocodeDirectory();

  it('loads the whole code list', () => {
    expect(directory.size).toBeGreaterThan(100_000);
  });

  it.each([
    ['VNHPH', 'VN', true],
    ['vnhph', 'VN', true],
    ['NLRTM', 'NL', true],
    ['DEHAM', 'DE', true],
  ])('finds %s as a port in %s', (code, country, isPort) => {
    const entry = directory.lookup(code);
    expect(entry?.countryCode).toBe(country);
    expect(entry?.isPort).toBe(isPort);
    expect(entry?.name).not.toBe('');
  });

  it('gives clean names and coordinates', () => {
    const entry = directory.lookup('VNHPH');
    expect(entry?.name).toBe('Haiphong');
    expect(entry?.lat).toBeCloseTo(20.8, 0);
    expect(entry?.lon).toBeCloseTo(106.7, 0);
  });

  it('marks border crossings (function B)', () => {
    const entry = directory.lookup('ATHBZ');
    expect(entry?.isBorderCrossing).toBe(true);
    expect(directory.lookup('NLRTM')?.isBorderCrossing).toBe(false);
  });

  it.each(['XXZZZ', 'VNZZZ', '', 'NOTALOCODE'])('does not know %p', (code) => {
    expect(directory.lookup(code)).toBeUndefined();
    expect(directory.has(code)).toBe(false);
  });
});

describe('CountryDirectory', () => {
  const countries = new CountryDirectory();

  it.each([
    ['VN', true, 'Vietnam'],
    ['kp', true, 'North Korea'],
    ['DE', true, 'Germany'],
    ['XX', false, undefined],
    ['', false, undefined],
  ])('%p valid=%p', (code, valid, name) => {
    expect(countries.isValid(code)).toBe(valid);
    expect(countries.name(code)).toBe(name);
  });

  it('carries alpha-3', () => {
    expect(countries.get('VN')?.alpha3).toBe('VNM');
    expect(countries.size).toBe(249);
  });
});

describe('MaritimeIdentificationDigits', () => {
  const mids = new MaritimeIdentificationDigits();

  it.each([
    ['445', 'KP'],
    ['445123456', 'KP'],
    ['574', 'VN'],
    ['477', 'HK'],
    ['412', 'CN'],
    ['211', 'DE'],
    ['236', 'GI'],
    ['440', 'KR'],
    ['999', undefined],
    ['44', undefined],
    ['abc', undefined],
  ])('MID/MMSI %p is flag %p', (input, flag) => {
    expect(mids.flagOf(input)).toBe(flag);
  });
});

describe('HsNomenclature', () => {
  const hs = new HsNomenclature();

  it.each([
    ['93', /^Arms and ammunition/],
    ['2844', /radioactive/i],
    ['640510', /footwear/i],
    ['6405.10', /footwear/i],
    ['15152100', /maize/i],
  ])('describes %p', (code, description) => {
    expect(hs.describe(code)).toMatch(description);
  });

  it('has codes at 2, 4 and 6 digits only', () => {
    expect(hs.has('8401')).toBe(true);
    expect(hs.has('99999999')).toBe(false);
    expect(hs.describe('00')).toBeUndefined();
  });
});

describe('defaultReferenceData', () => {
  it('is memoised', () => {
    expect(defaultReferenceData()).toBe(defaultReferenceData());
  });
});

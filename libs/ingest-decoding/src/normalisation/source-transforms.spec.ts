import { foldWhitespace, normaliseCode, normaliseEquipmentReference } from './source-transforms';

// The functions skip the regex work for strings that are already normal; the result must not change.
const SAMPLES = [
  '',
  ' ',
  'a',
  'Hanoi Electronics JSC',
  ' Hanoi  Electronics\tJSC ',
  'Printed circuit boards',
  'line\nbreak',
  'Société Générale',
  'Cafe\u0301 de Paris',
  'non\u00a0breaking',
  'VNHPH',
  'vn hph',
  ' NL RTM ',
  'MSKU2666542',
  'MSKU 266654-2',
  'msku2666542',
  'SL-1001',
  'sl 1001',
  '22G1',
  'A\u007fB',
  'trailing ',
  'ZW\u200bSP',
];

describe('source transforms', () => {
  it.each(SAMPLES)('fold, code and container rules give what their regexes give for %p', (sample) => {
    expect(foldWhitespace(sample)).toBe(sample.normalize('NFC').replace(/\s+/g, ' ').trim());
    expect(normaliseCode(sample)).toBe(sample.replace(/\s+/g, '').toUpperCase());
    expect(normaliseEquipmentReference(sample)).toBe(sample.replace(/[\s-]+/g, '').toUpperCase());
  });
});

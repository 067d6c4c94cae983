import { canonicalToken, normaliseName, tokeniseName } from './party-name.normaliser';

describe('party name normalisation', () => {
  it.each([
    ['Société Générale', ['SOCIETE', 'GENERALE']],
    ["Yusuf al-'Uyayri", ['YUSUF', 'AL', 'UYAYRI']],
    ['  CHO   CHUN RYONG ', ['CHO', 'CHUN', 'RYONG']],
    ['S.A. Ørsted ß', ['SA', 'ORSTED', 'SS']],
    ['عبدالخالق الحوثي', ['عبدالخالق', 'الحوثي']],
  ])('tokenises %j', (raw, expected) => {
    expect(tokeniseName(raw)).toEqual(expected);
  });

  it.each([
    ['Mohammed Al-Hussein', 'MUHAMAD EL HUSAYN'],
    ['Abdul Rahman', 'ABD RAHMAN'],
    ['Youssouf', 'YUSUF'],
    ['Jang Chang Ha', 'CHANG CHANG HA'],
    ['Jeong Yong', 'Chong Yong'],
    ['Lee Won Ho', 'RI WON HO'],
    ['Park Sung', 'PAK SUNG'],
    ['Khalid Othman', 'HALID UTHMAN'],
    ['HUNJIN TRADING CO., LTD.', 'Hunjin Trading'],
    ['OCEAN MARITIME MANAGEMENT COMPANY, LIMITED', 'Ocean Maritime Management'],
    ['Front for the Liberation', 'Liberation Front'],
  ])('folds %j and %j to the same tokens (as a set)', (a, b) => {
    expect([...normaliseName(a)].sort()).toEqual([...normaliseName(b)].sort());
  });

  it.each([
    ['KOREA', 'KORYO'],
    ['KIM', 'KIN'],
    ['HASAN', 'HUSAIN'],
    ['SHARIF', 'CHARIF'],
  ])('keeps unrelated tokens apart: %s', (token, other) => {
    expect(canonicalToken(token)).not.toEqual(canonicalToken(other));
  });

  it('keeps legal-form words when nothing else is left', () => {
    expect(normaliseName('CO LTD')).toEqual(['CO', 'LTD']);
  });

  it('keeps weak descriptors such as TRADING', () => {
    expect(normaliseName('Korea Mining Development Trading Corporation')).toEqual([
      'KOREA',
      'MINING',
      'DEVELOPMENT',
      'TRADING',
    ]);
  });
});

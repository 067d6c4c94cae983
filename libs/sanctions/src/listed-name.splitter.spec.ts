import { screeningNamesOf, screeningNamesOfEntry } from './listed-name.splitter';

/** Derived names as written: a leading "=" marks an exact-only acronym. */
function derivedOf(listedName: string): string[] {
  const [asListed, ...derived] = screeningNamesOf(listedName);
  expect(asListed).toEqual({ display: listedName, exact: false, derived: false });
  expect(derived.every((name) => name.derived)).toBe(true);
  return derived.map((name) => (name.exact ? `=${name.display}` : name.display));
}

describe('screeningNamesOf', () => {
  it.each([
    ['DOOSTAN INTERNATIONAL COMPANY (DICO)', ['DOOSTAN INTERNATIONAL COMPANY', '=DICO']],
    ['ARMAMENT INDUSTRIES GROUP (AIG)', ['ARMAMENT INDUSTRIES GROUP', '=AIG']],
    [
      'SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY (SAPICO)',
      ['SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY', '=SAPICO'],
    ],
    // Embedded, not trailing.
    [
      'INDUSTRIAL FACTORIES OF PRECISION (IFP) MACHINERY',
      ['INDUSTRIAL FACTORIES OF PRECISION MACHINERY', '=IFP'],
    ],
    ['UGANDA COMMERCIAL IMPEX (UCI) LTD', ['UGANDA COMMERCIAL IMPEX LTD', '=UCI']],
    // Mixed case and hyphens, as the UN list writes some.
    ['JAMAAT-UL-AHRAR (JuA)', ['JAMAAT-UL-AHRAR', '=JuA']],
    ['ANSAR AL-SHARI’A IN TUNISIA (AAS-T)', ['ANSAR AL-SHARI’A IN TUNISIA', '=AAS-T']],
    // Qualifiers, not acronyms: the name without them, nothing on their own.
    ['AL-HARAMAYN FOUNDATION (KENYA)', ['AL-HARAMAYN FOUNDATION']],
    ['TOUS POUR LA PAIX ET LE DEVELOPPEMENT (NGO)', ['TOUS POUR LA PAIX ET LE DEVELOPPEMENT']],
    ['LEADER (HONG KONG) INTERNATIONAL', ['LEADER INTERNATIONAL']],
    [
      'HANIFA MONEY EXCHANGE OFFICE (BRANCH LOCATED IN ALBU KAMAL, SYRIAN ARAB REPUBLIC)',
      ['HANIFA MONEY EXCHANGE OFFICE'],
    ],
    // Too short to stand alone, or only a legal form once normalised.
    ['LASHKAR I JHANGVI (LJ)', ['LASHKAR I JHANGVI']],
    ['ABZAR BORESH KAVEH CO. (BK CO.)', ['ABZAR BORESH KAVEH CO.']],
    ['LUCKY LIMITED (LTD)', ['LUCKY LIMITED']],
    // Two names in one field.
    [
      'COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)',
      [
        'COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)',
        'COMPAGNIE AERIENNE DES GRANDS LACS',
        '=CAGL',
        'GREAT LAKES BUSINESS COMPANY (GLBC)',
        'GREAT LAKES BUSINESS COMPANY',
        '=GLBC',
      ],
    ],
    ['KOREA YUJONG SHIPPING CO LTD', []],
    ['(DICO)', []],
  ])('%j is also screened as %j', (listedName, derived) => {
    expect(derivedOf(listedName)).toEqual(derived);
  });

  it('puts every listed name of an entry before the names derived from them', () => {
    const names = screeningNamesOfEntry({
      reference: 'IRe.013',
      kind: 'ENTITY',
      name: 'DOOSTAN INTERNATIONAL COMPANY (DICO)',
      aliases: [{ name: 'Doostan International', weak: false }],
      imoNumbers: [],
    });
    expect(names.map((name) => [name.display, name.derived])).toEqual([
      ['DOOSTAN INTERNATIONAL COMPANY (DICO)', false],
      ['Doostan International', false],
      ['DOOSTAN INTERNATIONAL COMPANY', true],
      ['DICO', true],
    ]);
  });
});

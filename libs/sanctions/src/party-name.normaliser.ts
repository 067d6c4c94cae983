/**
 * Turns a party name into comparable tokens: upper case, no diacritics or punctuation, legal-form
 * words removed, and every token reduced to a transliteration-neutral skeleton so that
 * "Mohammed Al-Hussein" and "MUHAMAD EL HUSAYN" produce the same tokens.
 */

/**
 * Legal-form words: they say how a company is registered, not who it is, and the same party is
 * quoted with and without them ("HUNJIN TRADING CO." vs "Hunjin Trading"). Only forms that cannot be
 * a distinguishing name on their own are here; "AS" (Norwegian AS) is left out because it is also
 * the Arabic article "as-".
 */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set([
  'LTD',
  'LIMITED',
  'CO',
  'COMPANY',
  'CORP',
  'CORPORATION',
  'INC',
  'INCORPORATED',
  'LLC',
  'LLP',
  'PLC',
  'JSC',
  'OJSC',
  'CJSC',
  'PJSC',
  'OAO',
  'ZAO',
  'OOO',
  'GMBH',
  'AG',
  'SA',
  'SARL',
  'SRL',
  'SPA',
  'BV',
  'NV',
  'PTE',
  'PVT',
  'PTY',
  'FZE',
  'FZCO',
  'FZC',
  'KG',
  'SDN',
  'BHD',
  'TBK',
  'OY',
  'KFT',
]);

/**
 * Descriptors that are part of a trading name but carry little identity ("TRADING", "GROUP",
 * "INTERNATIONAL"). Removing them would let "KOREA MINING" match "KOREA MINING DEVELOPMENT TRADING";
 * keeping them at full weight would let a missing "TRADING" sink a real hit. They stay in the token
 * list at a small fixed weight instead.
 */
export const WEAK_DESCRIPTOR_WORDS: ReadonlySet<string> = new Set([
  'TRADING',
  'TRADE',
  'GROUP',
  'INTERNATIONAL',
  'INTL',
  'HOLDING',
  'HOLDINGS',
  'ENTERPRISE',
  'ENTERPRISES',
  'INDUSTRIAL',
  'INDUSTRY',
  'INDUSTRIES',
  'SHIPPING',
  'GENERAL',
  'CORPORATE',
  'COMMERCIAL',
]);

/** Function words that never identify anyone ("Department OF Agitation", "Front FOR the Liberation"). */
const STOP_WORDS: ReadonlySet<string> = new Set(['OF', 'THE', 'AND', 'FOR']);

/**
 * Skeleton rules, applied in order to Latin-script tokens. Each one folds a spelling difference that
 * common romanisations of Arabic, Persian and Korean names produce for the same sound.
 */
const SKELETON_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/DJ/g, 'J'], // French Arabic: Djamel / Jamal
  [/KH/g, 'H'], // Arabic kha: Khalid / Halid, Al-Khaliq / Al-Haliq
  [/GH/g, 'G'], // ghayn: Ghulam / Gulam
  [/PH/g, 'F'], // Phil / Fil
  [/DH/g, 'D'], // dhal: Dhahir / Zahir stays apart, Abu Dhabi / Abu Dabi folds
  [/TH/g, 'T'], // tha: Uthman / Utman, Othman
  [/Q/g, 'K'], // qaf: Qasim / Kasim, Iraq / Irak
  [/CH/g, 'J'], // Korean unaspirated initials: Chang / Jang, Cho / Jo, Chong / Jong
  [/EO/g, 'O'], // Korean Revised Romanisation: Jeong / Jong, Ryeong / Ryong
  [/OU/g, 'U'], // French: Youssouf / Yusuf, Abdoul / Abdul
  [/OO/g, 'U'], // English: Noorzai / Nurzai
  [/EE/g, 'I'], // English: Sameer / Samir
  [/Y/g, 'I'], // Husayn / Husain, Yusuf / Iusuf (applied to both sides alike)
  [/(\p{L})\1+/gu, '$1'], // doubled letters: Mohammed / Mohamed, Hussein / Husein
];

/**
 * Whole-name variants the skeleton rules alone do not fold (vowel changes). Written in natural
 * spelling; each group folds to the skeleton of its first member.
 */
const TRANSLITERATION_GROUPS: ReadonlyArray<readonly string[]> = [
  [
    'MUHAMMAD',
    'MOHAMMED',
    'MOHAMMAD',
    'MOHAMED',
    'MOHAMAD',
    'MUHAMMED',
    'MUHAMED',
    'MOHAMET',
    'MUHAMET',
    'MOHD',
  ],
  ['AHMAD', 'AHMED', 'AHMET'],
  ['MAHMUD', 'MAHMOUD', 'MAHMOOD'],
  ['ABD', 'ABDUL', 'ABDEL', 'ABDOUL', 'ABDAL', 'ABDOL'],
  ['YUSUF', 'YOUSSEF', 'YOUSEF', 'YOUSSOUF', 'YUSEF', 'YOUSOF'],
  ['HUSAYN', 'HUSSEIN', 'HUSSAIN', 'HUSEIN', 'HOSSEIN', 'HOUSSEIN', 'HUSAIN'],
  ['HASAN', 'HASSAN', 'HASAN'],
  ['UMAR', 'OMAR'],
  ['USAMA', 'OSAMA'],
  ['UTHMAN', 'OTHMAN', 'OSMAN', 'USMAN'],
  ['AL', 'EL', 'UL'], // Arabic article: al-Baghdadi / el Baghdadi
  ['RI', 'LI', 'YI', 'LEE', 'RHEE'], // Korean surname 리/이
  ['PAK', 'PARK', 'BAK'], // Korean surname 박
  ['CHOE', 'CHOI', 'CHOY'], // Korean surname 최
  ['KIM', 'GIM'], // Korean surname 김
];

function skeleton(token: string): string {
  let out = token;
  for (const [pattern, replacement] of SKELETON_RULES) {
    out = out.replace(pattern, replacement);
  }
  return out;
}

const VARIANT_TO_CANONICAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of TRANSLITERATION_GROUPS) {
    const canonical = skeleton(group[0] ?? '');
    for (const variant of group) {
      map.set(skeleton(variant), canonical);
    }
  }
  return map;
})();

/** Every skeleton spelling folded into each canonical token, so fuzzy lookup can also reach a typo of a variant. */
export const SPELLINGS_BY_CANONICAL_TOKEN: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [variant, canonical] of VARIANT_TO_CANONICAL) {
    map.set(canonical, [...(map.get(canonical) ?? []), variant]);
  }
  return map;
})();

const LATIN_TOKEN = /^[A-Z0-9]+$/;

/** One token reduced to its transliteration-neutral form. Non-Latin scripts pass through. */
export function canonicalToken(token: string): string {
  if (!LATIN_TOKEN.test(token)) {
    return token;
  }
  const skeletal = skeleton(token);
  return VARIANT_TO_CANONICAL.get(skeletal) ?? skeletal;
}

// Letters NFKD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ø: 'O',
  ø: 'O',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Þ: 'TH',
  þ: 'TH',
  ı: 'I',
};
const SPECIAL_LETTER_PATTERN = /[ßÆæŒœØøŁłĐđÞþı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
// Apostrophes and dots join ("al-'Uyayri" → AL UYAYRI, "S.A." → SA); everything else separates.
const JOINING_PUNCTUATION = /['’‘`´ʼʻ".]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Upper-case tokens without diacritics or punctuation; no words removed yet. */
export function tokeniseName(raw: string): string[] {
  const folded = raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .toUpperCase()
    .replace(JOINING_PUNCTUATION, '');
  return folded.split(SEPARATORS).filter((token) => token.length > 0);
}

/** A token as written (upper case, no diacritics) and its transliteration-neutral form. */
export interface NameToken {
  spelling: string;
  canonical: string;
}

/**
 * Tokens of a party name: legal forms and function words dropped (unless nothing else is left),
 * transliteration variants folded. Order is kept; matching is order-independent anyway.
 */
export function normaliseNameTokens(raw: string): NameToken[] {
  const tokens = tokeniseName(raw);
  const meaningful = tokens.filter((token) => !LEGAL_FORM_WORDS.has(token) && !STOP_WORDS.has(token));
  return (meaningful.length > 0 ? meaningful : tokens).map((spelling) => ({
    spelling,
    canonical: canonicalToken(spelling),
  }));
}

/** Canonical tokens only. */
export function normaliseName(raw: string): string[] {
  return normaliseNameTokens(raw).map((token) => token.canonical);
}

/** Whether a canonical token is a weak descriptor (compared against canonical forms). */
export const WEAK_DESCRIPTOR_TOKENS: ReadonlySet<string> = new Set(
  [...WEAK_DESCRIPTOR_WORDS].map(canonicalToken),
);

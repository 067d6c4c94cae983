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

/** Legal forms this long are recognised with one slip ("COMANY", "LIMTED"); shorter ones only as written. */
export const MIN_MISSPELT_LEGAL_FORM_LENGTH = 5;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every spelling one edit (insertion, deletion, substitution, adjacent transposition) from `word`. */
function oneEditAway(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    for (const letter of ALPHABET) {
      out.push(head + letter + word.slice(i));
      if (i < word.length) {
        out.push(head + letter + word.slice(i + 1));
      }
    }
    if (i < word.length) {
      out.push(head + word.slice(i + 1));
    }
    if (i + 1 < word.length) {
      out.push(head + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
    }
  }
  return out;
}

/**
 * Misspelt long legal forms, each to the form it stands for. Left in, "SABALAN COMANY" carries COMANY
 * as a name token at full weight and misses SABALAN COMPANY entirely. Only LIMITED, COMPANY,
 * CORPORATION and INCORPORATED are long enough: one edit from them lands on no list token and on
 * three of 110,963 real place, port and vessel names (Compans, Capraia e Limite, Limite sull'Arno),
 * where dropping the word changes no result. Weak descriptors are not folded this way: one edit
 * from HOLDING or SHIPPING is KOLDING or CHIPPING, real places; they match misspelt through the
 * fuzzy token lookup at their small weight anyway.
 */
export const MISSPELT_LEGAL_FORMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const form of LEGAL_FORM_WORDS) {
    if (form.length < MIN_MISSPELT_LEGAL_FORM_LENGTH) {
      continue;
    }
    for (const misspelt of oneEditAway(form)) {
      if (!LEGAL_FORM_WORDS.has(misspelt) && !map.has(misspelt)) {
        map.set(misspelt, form);
      }
    }
  }
  return map;
})();

/** The legal form a token is, or is a one-slip misspelling of (long forms only); undefined otherwise. */
export function legalFormOf(token: string): string | undefined {
  return LEGAL_FORM_WORDS.has(token) ? token : MISSPELT_LEGAL_FORMS.get(token);
}

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
const STOP_WORDS: readonly string[] = ['OF', 'THE', 'AND', 'FOR'];

/**
 * Skeleton rules, applied in order to Latin-script tokens, each over the whole token before the
 * next. Each one folds a spelling difference that common romanisations of Arabic, Persian and
 * Korean names produce for the same sound. A doubled-letter pass follows them.
 */
const SKELETON_RULES: ReadonlyArray<readonly [string, string]> = [
  ['DJ', 'J'], // French Arabic: Djamel / Jamal
  ['KH', 'H'], // Arabic kha: Khalid / Halid, Al-Khaliq / Al-Haliq
  ['GH', 'G'], // ghayn: Ghulam / Gulam
  ['PH', 'F'], // Phil / Fil
  ['DH', 'D'], // dhal: Dhahir / Zahir stays apart, Abu Dhabi / Abu Dabi folds
  ['TH', 'T'], // tha: Uthman / Utman, Othman
  ['Q', 'K'], // qaf: Qasim / Kasim, Iraq / Irak
  ['CH', 'J'], // Korean unaspirated initials: Chang / Jang, Cho / Jo, Chong / Jong
  ['EO', 'O'], // Korean Revised Romanisation: Jeong / Jong, Ryeong / Ryong
  ['OU', 'U'], // French: Youssouf / Yusuf, Abdoul / Abdul
  ['OO', 'U'], // English: Noorzai / Nurzai
  ['EE', 'I'], // English: Sameer / Samir
  ['Y', 'I'], // Husayn / Husain, Yusuf / Iusuf (applied to both sides alike)
];

// The rules as char codes, flat: [first, second or -1, replacement] per rule. Hot path: no regex.
const SKELETON_CODES = Int32Array.from(
  SKELETON_RULES.flatMap(([pattern, replacement]) => [
    pattern.charCodeAt(0),
    pattern.length > 1 ? pattern.charCodeAt(1) : -1,
    replacement.charCodeAt(0),
  ]),
);
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 65;
const CODE_Z = 90;
const LETTERS = 26;
// Bit r set when rule r can fire on this letter / this pair of letters (A = 0).
const RULES_BY_LETTER = new Int32Array(LETTERS);
const RULES_BY_PAIR = new Int32Array(LETTERS * LETTERS);
for (let rule = 0; rule < SKELETON_RULES.length; rule++) {
  const first = (SKELETON_CODES[3 * rule] ?? 0) - CODE_A;
  const second = (SKELETON_CODES[3 * rule + 1] ?? -1) - CODE_A;
  if (second < 0) {
    RULES_BY_LETTER[first] = (RULES_BY_LETTER[first] ?? 0) | (1 << rule);
  } else {
    RULES_BY_PAIR[first * LETTERS + second] = (RULES_BY_PAIR[first * LETTERS + second] ?? 0) | (1 << rule);
  }
}
let skeletonScratch = new Uint16Array(64);

/** Rules that can fire on codes[0 .. length - 1], plus bit 31 when a letter is doubled. */
function applicableRules(codes: Uint16Array, length: number): number {
  let rules = 0;
  let previous = -1;
  for (let i = 0; i < length; i++) {
    const letter = (codes[i] ?? 0) - CODE_A;
    if (letter >= 0) {
      rules |= RULES_BY_LETTER[letter] ?? 0;
      if (previous >= 0) {
        rules |= (RULES_BY_PAIR[previous * LETTERS + letter] ?? 0) | (previous === letter ? 1 << 31 : 0);
      }
    }
    previous = letter;
  }
  return rules;
}

/**
 * The rules above in sequence, each over the whole token before the next, then runs of the same
 * letter collapse to one (Mohammed / Mohamed, Hussein / Husein; digits stay doubled). One scan
 * finds the rules that can fire, so a typical token costs one pass. Undefined for a token that is
 * not plain Latin (A–Z, 0–9): other scripts pass through unchanged.
 */
function latinSkeleton(token: string): string | undefined {
  let length = token.length;
  if (skeletonScratch.length < length) {
    skeletonScratch = new Uint16Array(length * 2);
  }
  const codes = skeletonScratch;
  // Copy, check the script and find the rules that can fire in one scan (as applicableRules).
  let rules = 0;
  let previous = -1;
  for (let i = 0; i < length; i++) {
    const code = token.charCodeAt(i);
    if (code > CODE_Z || code < CODE_0 || (code > CODE_9 && code < CODE_A)) {
      return undefined;
    }
    codes[i] = code;
    const letter = code - CODE_A;
    if (letter >= 0) {
      rules |= RULES_BY_LETTER[letter] ?? 0;
      if (previous >= 0) {
        rules |= (RULES_BY_PAIR[previous * LETTERS + letter] ?? 0) | (previous === letter ? 1 << 31 : 0);
      }
    }
    previous = letter;
  }
  if (rules === 0) {
    return token;
  }
  for (let rule = 0; rule < SKELETON_RULES.length; rule++) {
    if ((rules & (1 << rule)) === 0) {
      continue;
    }
    const first = SKELETON_CODES[3 * rule] ?? 0;
    const second = SKELETON_CODES[3 * rule + 1] ?? -1;
    const replacement = SKELETON_CODES[3 * rule + 2] ?? 0;
    let write = 0;
    for (let read = 0; read < length; read++) {
      const code = codes[read] ?? 0;
      if (code === first && (second < 0 || (read + 1 < length && codes[read + 1] === second))) {
        codes[write++] = replacement;
        read += second < 0 ? 0 : 1;
      } else {
        codes[write++] = code;
      }
    }
    length = write;
    // A replacement can create a pattern for a later rule ("CKH" → "CH" → "J").
    rules = applicableRules(codes, length);
  }
  let write = 0;
  for (let read = 0; read < length; read++) {
    const code = codes[read] ?? 0;
    if (write === 0 || code !== codes[write - 1] || code < CODE_A) {
      codes[write++] = code;
    }
  }
  let out = '';
  for (let i = 0; i < write; i++) {
    out += String.fromCharCode(codes[i] ?? 0);
  }
  return out;
}

function skeleton(token: string): string {
  return latinSkeleton(token) ?? token;
}

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

/** One token reduced to its transliteration-neutral form. Non-Latin scripts pass through. */
export function canonicalToken(token: string): string {
  const skeletal = latinSkeleton(token);
  return skeletal === undefined ? token : (VARIANT_TO_CANONICAL.get(skeletal) ?? skeletal);
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

/**
 * The fold of one character: NFKD, marks dropped, special letters spelt out, upper case, joining
 * punctuation removed, any other non-letter turned into a space. Character by character gives the
 * same result as the whole string (case mapping and decomposition are context-free), so the result
 * can be cached per code point.
 */
function foldCharacter(character: string): string {
  return character
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTER_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .toUpperCase()
    .replace(JOINING_PUNCTUATION, '')
    .replace(SEPARATORS, ' ');
}

// ASCII after toUpperCase: 1 = part of a token, 0 = joining punctuation (dropped), -1 = separator.
const ASCII_CLASS = Int8Array.from({ length: 128 }, (_, code) => {
  const folded = foldCharacter(String.fromCharCode(code));
  return folded === '' ? 0 : folded === ' ' ? -1 : 1;
});
// Scripts in use are few, so this stays small; the cap only guards against hostile input.
const FOLDED_CHARACTERS = new Map<number, string>();
// Anything but printable ASCII takes the per-character fold. Checked on the raw name: some letters
// only become ASCII when upper-cased (ı → I).
const NOT_PRINTABLE_ASCII = /[^ -~\t\n\r]/;
const MAX_FOLDED_CHARACTERS = 65_536;

function foldNonAscii(raw: string): string {
  let folded = '';
  for (const character of raw) {
    const code = character.codePointAt(0) ?? 0;
    let fold = FOLDED_CHARACTERS.get(code);
    if (fold === undefined) {
      fold = foldCharacter(character);
      if (FOLDED_CHARACTERS.size < MAX_FOLDED_CHARACTERS) {
        FOLDED_CHARACTERS.set(code, fold);
      }
    }
    folded += fold;
  }
  return folded;
}

/** Upper-case tokens without diacritics or punctuation; no words removed yet. */
export function tokeniseName(raw: string): string[] {
  if (NOT_PRINTABLE_ASCII.test(raw)) {
    return foldNonAscii(raw)
      .split(' ')
      .filter((part) => part.length > 0);
  }
  // Plain ASCII, the bulk of traffic: one scan, tokens sliced out of the upper-cased name.
  const upper = raw.toUpperCase();
  const tokens: string[] = [];
  let token = '';
  let runStart = -1;
  for (let i = 0; i <= upper.length; i++) {
    const kind = i < upper.length ? (ASCII_CLASS[upper.charCodeAt(i)] ?? -1) : -1;
    if (kind === 1) {
      if (runStart < 0) {
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      token = token.length === 0 ? upper.slice(runStart, i) : token + upper.slice(runStart, i);
      runStart = -1;
    }
    if (kind === -1 && token.length > 0) {
      tokens.push(token);
      token = '';
    }
  }
  return tokens;
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
  return meaningfulTokens(tokeniseName(raw)).map((spelling) => ({
    spelling,
    canonical: canonicalToken(spelling),
  }));
}

// One set, so a misspelt legal form costs a query nothing more than a correct one.
const DROPPED_WORDS: ReadonlySet<string> = new Set([
  ...LEGAL_FORM_WORDS,
  ...MISSPELT_LEGAL_FORMS.keys(),
  ...STOP_WORDS,
]);

/**
 * Tokens without legal forms (also misspelt long ones) and function words, or all of them when
 * nothing else is left.
 */
export function meaningfulTokens(tokens: readonly string[]): readonly string[] {
  let kept: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const drop = DROPPED_WORDS.has(token);
    if (drop && kept === undefined) {
      kept = tokens.slice(0, i);
    } else if (!drop && kept !== undefined) {
      kept.push(token);
    }
  }
  return kept === undefined ? tokens : kept.length > 0 ? kept : tokens;
}

/** Canonical tokens only. */
export function normaliseName(raw: string): string[] {
  return normaliseNameTokens(raw).map((token) => token.canonical);
}

/** Whether a canonical token is a weak descriptor (compared against canonical forms). */
export const WEAK_DESCRIPTOR_TOKENS: ReadonlySet<string> = new Set(
  [...WEAK_DESCRIPTOR_WORDS].map(canonicalToken),
);

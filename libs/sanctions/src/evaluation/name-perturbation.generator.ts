import { LEGAL_FORM_WORDS } from '../party-name.normaliser';
import type { SeededRandom } from './seeded-random';

export const PERTURBATION_KINDS = [
  'NONE',
  'TYPO_SUBSTITUTION',
  'TYPO_TRANSPOSITION',
  'TYPO_DELETION',
  'DROPPED_TOKEN',
  'SWAPPED_ORDER',
  'TRANSLITERATION',
  'LEGAL_FORM',
  'CASE_AND_PUNCTUATION',
  'TYPO_AND_SWAP',
  // Last, and drawing no random numbers, so adding it left every other case of a seeded run as it was.
  'ACRONYM_DROPPED',
] as const;
export type PerturbationKind = (typeof PERTURBATION_KINDS)[number];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// A parenthesised part of a list name: "(DICO)", "(INDONESIA)".
const PARENTHESISED = /\s*\([^()]*\)\s*/g;

// How the same name is spelt by different clerks: [pattern, replacement] rewrites on upper-case text.
const SPELLING_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bMOHAMMED\b/, 'MUHAMMAD'],
  [/\bMUHAMMAD\b/, 'MOHAMED'],
  [/\bMOHAMMAD\b/, 'MOHAMMED'],
  [/\bAHMED\b/, 'AHMAD'],
  [/\bAHMAD\b/, 'AHMED'],
  [/\bABDUL\b/, 'ABDEL'],
  [/\bABDEL\b/, 'ABDUL'],
  [/\bYUSUF\b/, 'YOUSSEF'],
  [/\bHUSSEIN\b/, 'HUSAYN'],
  [/\bHUSAYN\b/, 'HUSSAIN'],
  [/\bOMAR\b/, 'UMAR'],
  [/\bUMAR\b/, 'OMAR'],
  [/\bAL-/, 'EL-'],
  [/\bAL /, 'EL '],
  [/\bEL /, 'AL '],
  [/KH/, 'H'],
  [/OU/, 'U'],
  [/U(?=[BDKLMRSTZ])/, 'OU'],
  [/EE/, 'I'],
  [/SS/, 'S'],
  [/MM/, 'M'],
  [/\bJ/, 'DJ'],
  [/Y/, 'I'],
  [/Q/, 'K'],
  [/\bCH/, 'J'],
  [/\bJ/, 'CH'],
  [/\bRI\b/, 'LI'],
  [/\bPAK\b/, 'PARK'],
  [/\bCHOE\b/, 'CHOI'],
  [/EO/, 'O'],
  [/ONG\b/, 'EONG'],
];

const ADDED_LEGAL_FORMS = [
  'CO., LTD',
  'CO LTD',
  'LIMITED',
  'LLC',
  'JSC',
  'CORP.',
  'INC',
  'COMPANY LIMITED',
  'S.A.',
];

function tokensOf(name: string): string[] {
  return name
    .toUpperCase()
    .split(/\s+/)
    .filter((token) => token.length > 0);
}

function isLegalForm(token: string): boolean {
  return LEGAL_FORM_WORDS.has(token.replace(/[^A-Z]/g, ''));
}

/** A letter position chosen uniformly over the name's letters, as a clerk's slip would be. */
function letterPositions(name: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (/[A-Z]/.test(name.charAt(i))) {
      positions.push(i);
    }
  }
  return positions;
}

function typo(name: string, kind: 'SUB' | 'TRANS' | 'DEL', random: SeededRandom): string | undefined {
  const upper = name.toUpperCase();
  const positions = letterPositions(upper);
  if (positions.length < 4) {
    return undefined;
  }
  const at = random.pick(positions);
  if (kind === 'SUB') {
    const current = upper.charAt(at);
    let replacement = random.pick([...LETTERS]);
    while (replacement === current) {
      replacement = random.pick([...LETTERS]);
    }
    return upper.slice(0, at) + replacement + upper.slice(at + 1);
  }
  if (kind === 'DEL') {
    return upper.slice(0, at) + upper.slice(at + 1);
  }
  const next = at + 1;
  if (!/[A-Z]/.test(upper.charAt(next)) || upper.charAt(next) === upper.charAt(at)) {
    return undefined;
  }
  return upper.slice(0, at) + upper.charAt(next) + upper.charAt(at) + upper.slice(next + 1);
}

/** A realistic variant of a list name, or undefined when the perturbation does not apply to it. */
export function perturbName(name: string, kind: PerturbationKind, random: SeededRandom): string | undefined {
  const upper = name.toUpperCase();
  const tokens = tokensOf(name);
  switch (kind) {
    case 'NONE':
      return name;
    case 'TYPO_SUBSTITUTION':
      return typo(name, 'SUB', random);
    case 'TYPO_TRANSPOSITION':
      return typo(name, 'TRANS', random) ?? typo(name, 'TRANS', random);
    case 'TYPO_DELETION':
      return typo(name, 'DEL', random);
    case 'DROPPED_TOKEN': {
      // Dropping one of two tokens leaves a fragment nobody would screen; only longer names lose one.
      const meaningful = tokens.filter((token) => !isLegalForm(token));
      if (meaningful.length < 3) {
        return undefined;
      }
      const dropped = random.pick(meaningful);
      return tokens.filter((token) => token !== dropped).join(' ');
    }
    case 'SWAPPED_ORDER': {
      if (tokens.length < 2) {
        return undefined;
      }
      const shuffled = random.sample(tokens, tokens.length);
      return shuffled.join(' ') === tokens.join(' ') ? [...tokens].reverse().join(' ') : shuffled.join(' ');
    }
    case 'TRANSLITERATION': {
      const applicable = SPELLING_VARIANTS.filter(([pattern]) => pattern.test(upper));
      if (applicable.length === 0) {
        return undefined;
      }
      const [pattern, replacement] = random.pick(applicable);
      return upper.replace(pattern, replacement);
    }
    case 'LEGAL_FORM': {
      const withoutForms = tokens.filter((token) => !isLegalForm(token));
      if (withoutForms.length === 0) {
        return undefined;
      }
      // Listed with a legal form: drop it; listed without: add one.
      return withoutForms.length < tokens.length
        ? random.next() < 0.5
          ? withoutForms.join(' ')
          : `${withoutForms.join(' ')} ${random.pick(ADDED_LEGAL_FORMS)}`
        : `${upper} ${random.pick(ADDED_LEGAL_FORMS)}`;
    }
    case 'CASE_AND_PUNCTUATION':
      return name
        .toLowerCase()
        .replace(/ /g, () => random.pick([' ', '-', ', ', '  ']))
        .replace(/a/, 'á')
        .replace(/e/, 'é');
    case 'TYPO_AND_SWAP': {
      const swapped = perturbName(name, 'SWAPPED_ORDER', random);
      return swapped === undefined ? undefined : typo(swapped, 'SUB', random);
    }
    case 'ACRONYM_DROPPED': {
      // Bills of lading leave out the list's "(DICO)" or "(INDONESIA)".
      const without = name.replace(PARENTHESISED, ' ').replace(/\s+/g, ' ').trim();
      return without === name || !/\p{L}/u.test(without) ? undefined : without;
    }
  }
}

import type { RiskCategory } from '@chokepoint/contracts';

export interface KeywordHit {
  term: string;
  category: RiskCategory;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;
const NON_ASCII = /[\u0080-\uffff]/;

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Lower case, no diacritics, punctuation as single spaces: the form keywords are matched in. */
export function normaliseText(text: string): string {
  if (NON_ASCII.test(text)) {
    return text
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      .replace(/đ/g, 'd')
      .replace(NOT_ALPHANUMERIC, ' ')
      .trim();
  }
  // Plain ASCII (most manifests): nothing to decompose; join the a-z0-9 runs with single spaces.
  const lower = text.toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    if (i < lower.length && isWordCode(lower.charCodeAt(i))) {
      if (start < 0) {
        start = i;
      }
    } else if (start >= 0) {
      out = out.length === 0 ? lower.slice(start, i) : `${out} ${lower.slice(start, i)}`;
      start = -1;
    }
  }
  return out;
}

/** Text as normaliseText leaves it: a-z0-9 words, single spaces, nothing at either end. */
function isNormalised(text: string): boolean {
  let previousSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) {
        return false;
      }
      previousSpace = true;
    } else if (isWordCode(code)) {
      previousSpace = false;
    } else {
      return false;
    }
  }
  return !previousSpace || text.length === 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * All terms compiled into one alternation on whole words (plural s/es tolerated), longest first so
 * "maraging steel" wins over "steel"; one pass over the text whatever the number of terms.
 */
export class KeywordMatcher {
  private readonly pattern: RegExp | null;
  /** The same alternation tried at one position only (a word start), for walking word by word. */
  private readonly stickyPattern: RegExp | null;
  private readonly byTerm = new Map<string, KeywordHit>();

  constructor(entries: readonly { term: string; category: RiskCategory }[]) {
    for (const entry of entries) {
      const term = normaliseText(entry.term);
      if (term.length > 0 && !this.byTerm.has(term)) {
        this.byTerm.set(term, { term, category: entry.category });
      }
    }
    const terms = [...this.byTerm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = terms.length > 0 ? new RegExp(`(?:^| )(${terms.join('|')})(?:e?s)?(?= |$)`, 'g') : null;
    this.stickyPattern = terms.length > 0 ? new RegExp(`(?:${terms.join('|')})(?:e?s)?(?= |$)`, 'y') : null;
  }

  get size(): number {
    return this.byTerm.size;
  }

  /** Distinct terms found in already-normalised text, in order of first appearance. */
  matchNormalised(normalised: string): KeywordHit[] {
    if (!this.pattern || normalised.length === 0) {
      return [];
    }
    const hits: KeywordHit[] = [];
    // exec in a loop rather than matchAll, which clones this large pattern on every call.
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(normalised); match !== null; match = pattern.exec(normalised)) {
      const hit = match[1] === undefined ? undefined : this.byTerm.get(match[1]);
      if (hit && !hits.includes(hit)) {
        hits.push(hit);
      }
    }
    return hits;
  }

  match(text: string): KeywordHit[] {
    return this.matchNormalised(normaliseText(text));
  }

  /** Text with every matched term removed (what is left once the generic words are gone). */
  strip(normalised: string): string {
    if (!this.pattern) {
      return normalised;
    }
    return normalised.replace(this.pattern, ' ').replace(/ +/g, ' ').trim();
  }

  /**
   * Visits, in order, the words strip() would leave, until `visit` returns false. Normalised text is
   * walked word by word (a term is tried at each word start, as the full pattern would, and skipped
   * whole when it matches), so a caller that has seen enough stops without scanning the rest.
   */
  forEachRemainingWord(normalised: string, visit: (word: string) => boolean): void {
    const sticky = this.stickyPattern;
    if (sticky === null || !isNormalised(normalised)) {
      for (const word of this.strip(normalised).split(' ')) {
        if (word.length > 0 && !visit(word)) {
          return;
        }
      }
      return;
    }
    let position = 0;
    while (position < normalised.length) {
      sticky.lastIndex = position;
      const match = sticky.exec(normalised);
      let end: number;
      if (match !== null) {
        end = position + match[0].length;
      } else {
        const space = normalised.indexOf(' ', position);
        end = space < 0 ? normalised.length : space;
        if (!visit(normalised.slice(position, end))) {
          return;
        }
      }
      position = end + 1;
    }
  }
}

import type { RiskCategory } from '@chokepoint/contracts';

export interface KeywordHit {
  term: string;
  category: RiskCategory;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Lower case, no diacritics, punctuation as single spaces: the form keywords are matched in. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(NOT_ALPHANUMERIC, ' ')
    .trim();
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
    this.pattern.lastIndex = 0;
    for (const match of normalised.matchAll(this.pattern)) {
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
}

import type { SanctionsHit, SanctionsScreener } from '@chokepoint/contracts';
import { normaliseText } from '../rule-pack/keyword-matcher';

export interface FakeListEntry {
  entryReference: string;
  name: string;
  aliases?: string[];
  imoNumbers?: string[];
}

const LEGAL_FORMS = new Set(['ltd', 'co', 'llc', 'jsc', 'company', 'trading', 'corp', 'corporation', 'inc']);

function canonicalName(name: string): string {
  return normaliseText(name)
    .split(' ')
    .filter((token) => !LEGAL_FORMS.has(token))
    .sort()
    .join(' ');
}

function bigrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < text.length - 1; i += 1) {
    grams.push(text.slice(i, i + 2));
  }
  return grams;
}

/** Sørensen-Dice similarity of character bigrams: enough fuzziness for misspelt aliases in tests. */
function similarity(a: string, b: string): number {
  if (a === b) {
    return 1;
  }
  const left = bigrams(a);
  const right = bigrams(b);
  const pool = [...right];
  let common = 0;
  for (const gram of left) {
    const index = pool.indexOf(gram);
    if (index >= 0) {
      common += 1;
      pool.splice(index, 1);
    }
  }
  return left.length + right.length === 0 ? 0 : (2 * common) / (left.length + right.length);
}

/** Small linear-scan screener for unit tests; libs/sanctions holds the indexed production one. */
export class InMemorySanctionsScreener implements SanctionsScreener {
  readonly listVersions: Readonly<Record<string, string>>;
  screenNameCalls = 0;

  constructor(
    private readonly entries: readonly FakeListEntry[] = [],
    private readonly listId = 'un-sc-consolidated',
    version = '2018-10-29',
    private readonly minScore = 0.8,
  ) {
    this.listVersions = { [listId]: version };
  }

  screenName(name: string): SanctionsHit[] {
    this.screenNameCalls += 1;
    const query = canonicalName(name);
    const hits: SanctionsHit[] = [];
    for (const entry of this.entries) {
      let best: { name: string; score: number } | null = null;
      for (const candidate of [entry.name, ...(entry.aliases ?? [])]) {
        const score = Math.round(similarity(query, canonicalName(candidate)) * 1000) / 1000;
        if (score >= this.minScore && (!best || score > best.score)) {
          best = { name: candidate, score };
        }
      }
      if (best) {
        hits.push({
          listId: this.listId,
          entryReference: entry.entryReference,
          entryName: entry.name,
          matchedName: best.name,
          score: best.score,
          matchedOn: 'NAME',
        });
      }
    }
    return hits;
  }

  screenImo(imoNumber: string): SanctionsHit[] {
    return this.entries
      .filter((entry) => entry.imoNumbers?.includes(imoNumber))
      .map((entry) => ({
        listId: this.listId,
        entryReference: entry.entryReference,
        entryName: entry.name,
        matchedName: imoNumber,
        score: 1,
        matchedOn: 'IMO' as const,
      }));
  }
}

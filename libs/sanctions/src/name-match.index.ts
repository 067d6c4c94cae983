import {
  CANDIDATE_THRESHOLD_MARGIN,
  MIN_TOKENS_FOR_CONTAINMENT,
  MIN_FUZZY_TOKEN_LENGTH,
  MIN_TOKEN_SIMILARITY,
  WEAK_DESCRIPTOR_WEIGHT,
} from './name-match.config';
import { editSimilarity } from './edit-distance.similarity';
import {
  normaliseNameTokens,
  SPELLINGS_BY_CANONICAL_TOKEN,
  WEAK_DESCRIPTOR_TOKENS,
  type NameToken,
} from './party-name.normaliser';

/** A name to index, with an opaque owner id (the caller's entry index). */
export interface IndexedName {
  ownerId: number;
  display: string;
}

export interface NameMatch {
  ownerId: number;
  /** The indexed name that scored best for this owner. */
  display: string;
  score: number;
}

interface StoredName {
  ownerId: number;
  display: string;
  tokenIds: Int32Array;
  totalWeight: number;
}

interface QueryToken {
  weight: number;
  /** List token id → similarity, for every list token close enough to this query token. */
  matches: Map<number, number>;
}

const HASH_BASE = 131;

/**
 * Keys of the deletion neighbourhood: the token and every copy with one character removed, as
 * 32-bit polynomial hashes built from prefix and suffix hashes. Numbers instead of sliced strings
 * keep a lookup allocation-free; a rare collision only adds a candidate token that the similarity
 * check then rejects.
 */
function deletionKeys(token: string): number[] {
  const length = token.length;
  const prefix = new Int32Array(length + 1);
  const suffix = new Int32Array(length + 1);
  const power = new Int32Array(length + 1);
  power[0] = 1;
  for (let i = 0; i < length; i++) {
    prefix[i + 1] = (Math.imul(prefix[i] ?? 0, HASH_BASE) + token.charCodeAt(i)) | 0;
    power[i + 1] = Math.imul(power[i] ?? 0, HASH_BASE);
  }
  for (let i = length - 1; i >= 0; i--) {
    suffix[i] = (Math.imul(token.charCodeAt(i), power[length - 1 - i] ?? 0) + (suffix[i + 1] ?? 0)) | 0;
  }
  const keys = [prefix[length] ?? 0];
  for (let i = 0; i < length; i++) {
    keys.push((Math.imul(prefix[i] ?? 0, power[length - 1 - i] ?? 0) + (suffix[i + 1] ?? 0)) | 0);
  }
  return keys;
}

/**
 * Token-blocked fuzzy name index. Candidates come only from postings of tokens that are equal or
 * one edit apart (a deletion neighbourhood, as in SymSpell), so a query touches a handful of
 * postings instead of every name; the commonest query tokens are skipped when the rest must match
 * anyway for the score to reach the threshold. Scoring is an IDF-weighted, order-independent Dice
 * over the best one-to-one assignment of query tokens to name tokens.
 */
export class NameMatchIndex {
  private readonly tokenIdByText = new Map<string, number>();
  private readonly tokenTexts: string[] = [];
  private readonly postings: number[][] = [];
  // Every way a token was written on the list or in the transliteration table, canonical form first.
  private readonly spellings: string[][] = [];
  private readonly deletionIndex = new Map<number, number[]>();
  private readonly names: StoredName[] = [];
  private readonly tokenWeights: Float64Array;
  private readonly unknownTokenWeight: number;
  // Per-query scratch: a name is a candidate once per query without allocating a Set.
  private readonly candidateStamp: Uint32Array;
  private stamp = 0;

  constructor(names: Iterable<IndexedName>) {
    const documentFrequency: number[] = [];
    const seenForOwner = new Map<number, Set<string>>();
    for (const { ownerId, display } of names) {
      const tokens = normaliseNameTokens(display);
      const key = tokens.map((token) => token.canonical).join(' ');
      if (tokens.length === 0) {
        continue;
      }
      // Aliases that normalise to the same tokens as another name of the same owner add nothing.
      const seen = seenForOwner.get(ownerId) ?? new Set<string>();
      seenForOwner.set(ownerId, seen);
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const nameId = this.names.length;
      const tokenIds = Int32Array.from(tokens, (token) => this.internToken(token));
      for (const tokenId of new Set(tokenIds)) {
        this.postings[tokenId]?.push(nameId);
        documentFrequency[tokenId] = (documentFrequency[tokenId] ?? 0) + 1;
      }
      this.names.push({ ownerId, display, tokenIds, totalWeight: 0 });
    }
    const nameCount = Math.max(1, this.names.length);
    this.tokenWeights = Float64Array.from(this.tokenTexts, (token, tokenId) =>
      WEAK_DESCRIPTOR_TOKENS.has(token)
        ? WEAK_DESCRIPTOR_WEIGHT
        : Math.log(1 + nameCount / (documentFrequency[tokenId] ?? 1)),
    );
    this.unknownTokenWeight = Math.log(1 + nameCount);
    for (const name of this.names) {
      name.totalWeight = name.tokenIds.reduce((sum, tokenId) => sum + (this.tokenWeights[tokenId] ?? 0), 0);
    }
    this.candidateStamp = new Uint32Array(this.names.length);
  }

  get nameCount(): number {
    return this.names.length;
  }

  get tokenCount(): number {
    return this.tokenTexts.length;
  }

  /** Best match per owner with score ≥ minScore, best first. */
  search(rawName: string, minScore: number): NameMatch[] {
    const query = normaliseNameTokens(rawName).map((token) => this.queryToken(token));
    if (query.length === 0) {
      return [];
    }
    const queryWeight = query.reduce((sum, token) => sum + token.weight, 0);
    const candidates = this.candidates(query, queryWeight, minScore - CANDIDATE_THRESHOLD_MARGIN);
    const best = new Map<number, NameMatch>();
    for (const nameId of candidates) {
      const name = this.names[nameId];
      if (name === undefined) {
        continue;
      }
      const score = this.score(query, queryWeight, name);
      const previous = best.get(name.ownerId);
      if (score >= minScore && (previous === undefined || score > previous.score)) {
        best.set(name.ownerId, { ownerId: name.ownerId, display: name.display, score });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  private internToken({ canonical, spelling }: NameToken): number {
    let tokenId = this.tokenIdByText.get(canonical);
    if (tokenId === undefined) {
      tokenId = this.tokenTexts.length;
      this.tokenIdByText.set(canonical, tokenId);
      this.tokenTexts.push(canonical);
      this.postings.push([]);
      this.spellings.push([]);
      // A canonical token from the transliteration table is also reachable through each of its
      // spellings, so "MOHAMEMD" (a typo of MOHAMED) still finds MUHAMAD.
      for (const variant of [canonical, ...(SPELLINGS_BY_CANONICAL_TOKEN.get(canonical) ?? [])]) {
        this.addSpelling(tokenId, variant);
      }
    }
    // The spelling as written too: a typo in "TAWEEL" is one edit from TAWEEL but two from its skeleton TAWIL.
    this.addSpelling(tokenId, spelling);
    return tokenId;
  }

  private addSpelling(tokenId: number, spelling: string): void {
    const known = this.spellings[tokenId];
    if (known === undefined || known.includes(spelling)) {
      return;
    }
    known.push(spelling);
    if (spelling.length >= MIN_FUZZY_TOKEN_LENGTH) {
      for (const key of deletionKeys(spelling)) {
        const bucket = this.deletionIndex.get(key);
        if (bucket === undefined) {
          this.deletionIndex.set(key, [tokenId]);
        } else if (bucket[bucket.length - 1] !== tokenId) {
          bucket.push(tokenId);
        }
      }
    }
  }

  private tokenSimilarity(token: NameToken, tokenId: number): number {
    let best = 0;
    for (const spelling of this.spellings[tokenId] ?? []) {
      best = Math.max(best, editSimilarity(token.canonical, spelling));
      if (token.spelling !== token.canonical) {
        best = Math.max(best, editSimilarity(token.spelling, spelling));
      }
    }
    return best;
  }

  private queryToken(token: NameToken): QueryToken {
    const matches = new Map<number, number>();
    const exact = this.tokenIdByText.get(token.canonical);
    if (exact !== undefined) {
      matches.set(exact, 1);
    }
    // One edit apart and the longer token at least MIN_FUZZY_TOKEN_LENGTH long: a query one letter
    // shorter than that only looks itself up (it may be a list token with a letter dropped).
    const forms = token.spelling === token.canonical ? [token.canonical] : [token.canonical, token.spelling];
    for (const form of forms) {
      if (form.length < MIN_FUZZY_TOKEN_LENGTH - 1) {
        continue;
      }
      for (const key of form.length >= MIN_FUZZY_TOKEN_LENGTH
        ? deletionKeys(form)
        : deletionKeys(form).slice(0, 1)) {
        for (const tokenId of this.deletionIndex.get(key) ?? []) {
          if (!matches.has(tokenId)) {
            const similarity = this.tokenSimilarity(token, tokenId);
            if (similarity >= MIN_TOKEN_SIMILARITY) {
              matches.set(tokenId, similarity);
            }
          }
        }
      }
    }
    // A token the list does not know is as distinctive as the rarest one: its absence from a name counts fully.
    let weight = WEAK_DESCRIPTOR_TOKENS.has(token.canonical)
      ? WEAK_DESCRIPTOR_WEIGHT
      : this.unknownTokenWeight;
    let bestSimilarity = 0;
    for (const [tokenId, similarity] of matches) {
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        weight = this.tokenWeights[tokenId] ?? weight;
      }
    }
    return { weight, matches };
  }

  private candidates(query: QueryToken[], queryWeight: number, threshold: number): number[] {
    // A name matching only tokens of weight w scores at most 2w / (queryWeight + w); tokens that
    // cannot lift a name over the threshold on their own need not be looked up.
    const skippable = threshold > 0 ? (queryWeight * (2 - 2 * threshold)) / (2 - threshold) : 0;
    const byWeight = [...query].sort((a, b) => a.weight - b.weight);
    let skipped = 0;
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.candidateStamp.fill(0);
      this.stamp = 1;
    }
    const result: number[] = [];
    for (const token of byWeight) {
      if (skipped + token.weight < skippable) {
        skipped += token.weight;
        continue;
      }
      for (const tokenId of token.matches.keys()) {
        for (const nameId of this.postings[tokenId] ?? []) {
          if (this.candidateStamp[nameId] !== this.stamp) {
            this.candidateStamp[nameId] = this.stamp;
            result.push(nameId);
          }
        }
      }
    }
    return result;
  }

  private score(query: QueryToken[], queryWeight: number, name: StoredName): number {
    const pairs: Array<{ q: number; c: number; value: number; similarity: number }> = [];
    for (let q = 0; q < query.length; q++) {
      const matches = query[q]?.matches;
      for (let c = 0; c < name.tokenIds.length; c++) {
        const tokenId = name.tokenIds[c] ?? -1;
        const similarity = matches?.get(tokenId);
        if (similarity !== undefined) {
          const value = similarity * ((query[q]?.weight ?? 0) + (this.tokenWeights[tokenId] ?? 0));
          pairs.push({ q, c, value, similarity });
        }
      }
    }
    // Greedy best-first assignment: names are a few tokens long, so it equals the optimum in practice.
    pairs.sort((a, b) => b.value - a.value);
    let usedQuery = 0;
    let usedName = 0;
    let matched = 0;
    let matchedQueryWeight = 0;
    let matchedNameWeight = 0;
    let matchedTokens = 0;
    for (const pair of pairs) {
      const qBit = 1 << Math.min(pair.q, 30);
      const cBit = 1 << Math.min(pair.c, 30);
      if ((usedQuery & qBit) === 0 && (usedName & cBit) === 0) {
        usedQuery |= qBit;
        usedName |= cBit;
        matched += pair.value;
        matchedQueryWeight += pair.similarity * (query[pair.q]?.weight ?? 0);
        matchedNameWeight += pair.similarity * (this.tokenWeights[name.tokenIds[pair.c] ?? -1] ?? 0);
        matchedTokens++;
      }
    }
    const dice = matched / (queryWeight + name.totalWeight);
    if (matchedTokens < MIN_TOKENS_FOR_CONTAINMENT) {
      return dice;
    }
    // One name inside the other ("Ahmed Dahir" within "Ahmed Dahir Aweys"): lift the score halfway
    // to the coverage of the shorter side. Needs two matched tokens, so one shared word never does.
    const containment = Math.max(matchedQueryWeight / queryWeight, matchedNameWeight / name.totalWeight);
    return Math.max(dice, (dice + containment) / 2);
  }
}

import {
  MIN_FUZZY_TOKEN_LENGTH,
  MIN_TOKEN_SIMILARITY,
  MIN_TOKENS_FOR_CONTAINMENT,
  WEAK_DESCRIPTOR_WEIGHT,
} from './name-match.config';
import { deletionKeys, DeletionNeighbourhoodIndex } from './deletion-neighbourhood.index';
import { EditDistancePattern } from './edit-distance.similarity';
import { LruCache } from './lru.cache';
import { SeenBeforeFilter } from './seen-before.filter';
import {
  canonicalToken,
  meaningfulTokens,
  normaliseNameTokens,
  SPELLINGS_BY_CANONICAL_TOKEN,
  tokeniseName,
  WEAK_DESCRIPTOR_TOKENS,
  type NameToken,
} from './party-name.normaliser';

/** A name to index, with an opaque owner id (the caller's entry index). */
export interface IndexedName {
  ownerId: number;
  display: string;
  /**
   * Only a query spelt the same once normalised (case, punctuation, legal forms) matches it, with
   * score 1; no fuzzy lookup, no part of a longer query. For acronyms (see screeningNamesOf).
   */
  exact?: boolean;
  /**
   * Made from another name of the same owner (split at ";", or without its bracketed part): indexed,
   * but its tokens do not count again in the weights, which stay those of the names as listed.
   */
  derived?: boolean;
}

export interface NameMatch {
  readonly ownerId: number;
  /** The indexed name that scored best for this owner. */
  readonly display: string;
  readonly score: number;
}

/** Both caches admit a key on its second sighting (see SeenBeforeFilter); 0 disables one. */
export interface NameMatchIndexOptions {
  /** Query tokens whose list matches are kept, by spelling. */
  cachedTokens?: number;
  /** Whole-query results kept, by normalised tokens (one threshold per name). */
  cachedQueries?: number;
}

export const DEFAULT_CACHED_TOKENS = 50_000;
export const DEFAULT_CACHED_QUERIES = 20_000;

interface ExactName {
  ownerId: number;
  display: string;
}

interface CachedSearch {
  minScore: number;
  matches: readonly NameMatch[];
}

/** What the list holds for one query token. Depends on the spelling only, so it is cached by it. */
interface QueryToken {
  /** IDF weight: that of the closest list token, or the rarest possible when the list has none. */
  weight: number;
  /**
   * List tokens close enough, exact match first, then in lookup order, with their similarities:
   * matchIds[matchStart .. matchEnd - 1] (the arrays may be shared by many tokens).
   */
  matchIds: Int32Array;
  matchSimilarities: Float64Array;
  matchStart: number;
  matchEnd: number;
  /** Most this token can add to the query side (similarity × weight) of any name's score. */
  bestQuerySide: number;
  /** Most it can add to the name side (similarity × list token weight). */
  bestNameSide: number;
  /** Names reached through it: the cost of using it to find candidates. */
  postingVolume: number;
  /** Signature bits of its list tokens: a name whose signature has none cannot contain any. */
  signature: number;
}

// Module-level copies: imported bindings can compile to property reads in the hot loops.
const MIN_SIMILARITY = MIN_TOKEN_SIMILARITY;
const MIN_FUZZY_LENGTH = MIN_FUZZY_TOKEN_LENGTH;
const CONTAINMENT_TOKENS = MIN_TOKENS_FOR_CONTAINMENT;
const WEAK_WEIGHT = WEAK_DESCRIPTOR_WEIGHT;
const WEAK_TOKENS = WEAK_DESCRIPTOR_TOKENS;
const canonicalTokenOf = canonicalToken;
const deletionKeysOf = deletionKeys;
const tokenise = tokeniseName;
const withoutDroppedWords = meaningfulTokens;
// Shared empty results: most tokens of clean names have no list token near them. Never written.
const NO_MATCHES: number[] = [];
const NO_NAME_MATCHES: readonly NameMatch[] = Object.freeze([]);

const ACCUMULATOR_WIDTH = 5;
// Float slack on bound checks: a bound is never allowed to drop a name that scores at the threshold.
const BOUND_SLACK = 1e-9;

/** A token's bit in 32-bit name signatures (a one-hash Bloom filter of the name's tokens). */
function signatureBit(tokenId: number): number {
  return 1 << (Math.imul(tokenId, 0x9e3779b1) >>> 27);
}

/**
 * Upper bound of the score of any name whose matched query tokens add at most `querySide` and
 * `nameSide` (see score()). The name's own weight is at least nameSide, which maximises Dice; two
 * matched tokens allow containment, whose coverage is at most 1.
 */
function scoreBound(querySide: number, nameSide: number, tokens: number, queryWeight: number): number {
  const dice = (querySide + nameSide) / (queryWeight + nameSide);
  return tokens >= CONTAINMENT_TOKENS ? (dice + 1) / 2 : dice;
}

/**
 * Name weights outside [lightest, heaviest] cannot reach `floor` with these sides, whatever they
 * match: the bound of scoreBound as a function of the name's weight w rises up to w = nameSide
 * (containment is then at most complete) and falls after it (the name's unmatched weight dilutes
 * Dice and its own coverage). Widened a little against rounding.
 */
function nameWeightRange(
  querySide: number,
  nameSide: number,
  queryWeight: number,
  floor: number,
): readonly [number, number] {
  // Rising side: (dice + 1) / 2 ≥ floor with dice = (querySide + w) / (queryWeight + w).
  const half = 2 * floor - 1;
  const lightest = half <= 0 ? 0 : Math.max(0, (half * queryWeight - querySide) / (1 - half));
  // Falling side: dice ≥ floor, or dice + querySide / queryWeight ≥ 2 floor, or dice + nameSide / w ≥ 2 floor.
  const sides = querySide + nameSide;
  const byDice = sides / floor - queryWeight;
  const rest = 2 * floor - querySide / queryWeight;
  const byQueryCoverage = rest <= 0 ? Number.POSITIVE_INFINITY : sides / rest - queryWeight;
  const twice = 2 * floor;
  const linear = twice * queryWeight - sides - nameSide;
  const byNameCoverage =
    (-linear + Math.sqrt(linear * linear + 4 * twice * nameSide * queryWeight)) / (2 * twice);
  const heaviest = Math.max(byDice, byQueryCoverage, byNameCoverage, nameSide);
  return [lightest * (1 - 1e-9) - 1e-9, heaviest * (1 + 1e-9) + 1e-9];
}

/** Spellings per token as flat arrays: [tokenSpellings, spellingStart, spellingCodes]. */
function flattenSpellings(spellings: readonly (readonly string[])[]): [Int32Array, Int32Array, Uint16Array] {
  const tokenSpellings = new Int32Array(spellings.length + 1);
  let spellingCount = 0;
  let codeCount = 0;
  spellings.forEach((known, tokenId) => {
    spellingCount += known.length;
    codeCount += known.reduce((sum, spelling) => sum + spelling.length, 0);
    tokenSpellings[tokenId + 1] = spellingCount;
  });
  const spellingStart = new Int32Array(spellingCount + 1);
  const spellingCodes = new Uint16Array(codeCount);
  let spellingAt = 0;
  let codeAt = 0;
  for (const known of spellings) {
    for (const spelling of known) {
      for (let i = 0; i < spelling.length; i++) {
        spellingCodes[codeAt++] = spelling.charCodeAt(i);
      }
      spellingStart[++spellingAt] = codeAt;
    }
  }
  return [tokenSpellings, spellingStart, spellingCodes];
}

/**
 * Postings (names per token, each name once) sorted by name weight, so a query reads only the
 * slice of names whose weight lets them reach the threshold (the size filter of set-similarity
 * joins): [postingStart, postingNames, postingWeights].
 */
function postingsByNameWeight(
  nameTokenStart: Int32Array,
  nameTokens: Int32Array,
  nameWeights: Float64Array,
  documentFrequency: readonly number[],
): [Int32Array, Int32Array, Float64Array] {
  const tokenCount = documentFrequency.length;
  const postingStart = new Int32Array(tokenCount + 1);
  for (let t = 0; t < tokenCount; t++) {
    postingStart[t + 1] = (postingStart[t] ?? 0) + (documentFrequency[t] ?? 0);
  }
  const postingNames = new Int32Array(postingStart[tokenCount] ?? 0);
  const postingWeights = new Float64Array(postingNames.length);
  const byWeight = Int32Array.from({ length: nameWeights.length }, (_, n) => n).sort(
    (a, b) => (nameWeights[a] ?? 0) - (nameWeights[b] ?? 0) || a - b,
  );
  const cursor = postingStart.slice(0, tokenCount);
  for (const n of byWeight) {
    const start = nameTokenStart[n] ?? 0;
    for (let i = start; i < (nameTokenStart[n + 1] ?? 0); i++) {
      const tokenId = nameTokens[i] ?? 0;
      if (nameTokens.subarray(start, i).indexOf(tokenId) < 0) {
        const at = cursor[tokenId] ?? 0;
        postingNames[at] = n;
        postingWeights[at] = nameWeights[n] ?? 0;
        cursor[tokenId] = at + 1;
      }
    }
  }
  return [postingStart, postingNames, postingWeights];
}

/** One result per owner: its best-scoring name, the first indexed on a tie; best first, then by owner. */
class BestPerOwner {
  private readonly byOwner = new Map<number, { match: NameMatch; nameId: number }>();

  offer(ownerId: number, nameId: number, display: string, score: number): void {
    const previous = this.byOwner.get(ownerId);
    if (
      previous === undefined ||
      score > previous.match.score ||
      (score === previous.match.score && nameId < previous.nameId)
    ) {
      this.byOwner.set(ownerId, { match: { ownerId, display, score }, nameId });
    }
  }

  matches(): NameMatch[] {
    return [...this.byOwner.values()]
      .map(({ match }) => match)
      .sort((a, b) => b.score - a.score || a.ownerId - b.ownerId);
  }
}

/**
 * Token-blocked fuzzy name index. Scoring is an IDF-weighted, order-independent Dice over the best
 * one-to-one assignment of query tokens to name tokens, lifted when one name contains the other.
 *
 * A query costs little more than its own tokens, whatever the list size (libs/sanctions/README.md):
 * - each query token finds its list tokens by exact lookup and a deletion neighbourhood (SymSpell,
 *   one edit), so fuzzy lookup never scans the vocabulary;
 * - if no name could reach the threshold even by matching every query token that has a list token,
 *   the search stops there (most clean names: their distinctive words are not on any list);
 * - otherwise only names of a weight that can reach it are read (size filter), and only from the
 *   postings of the query's rarest tokens (prefix filter, as in set-similarity joins): the commonest
 *   are skipped while a name matching nothing but them still could not reach the threshold;
 * - each candidate is bounded from what its postings showed and its token signature, then from
 *   its own tokens, before the full assignment.
 * Every bound is an upper bound, so search() finds exactly what searchExhaustive() finds.
 */
export class NameMatchIndex {
  private readonly tokenIdByText = new Map<string, number>();
  private readonly tokenTexts: string[] = [];
  // Every way a token was written on the list or in the transliteration table, canonical form first.
  private readonly spellings: string[][] = [];
  // The same spellings' characters back to back, token by token: spellings of token t are
  // spellingStart[tokenSpellings[t]] .. spellingStart[tokenSpellings[t + 1]], so checking a token
  // near a query token reads two small arrays instead of chasing a string per spelling.
  private readonly tokenSpellings: Int32Array;
  private readonly spellingStart: Int32Array;
  private readonly spellingCodes: Uint16Array;
  private readonly neighbourhood: DeletionNeighbourhoodIndex;
  // (deletion key, token id) pairs collected while interning, in order; dropped once indexed.
  private neighbourKeys: number[] = [];
  private neighbourTokens: number[] = [];
  private readonly tokenWeights: Float64Array;
  // Near tokens of every spelling on the list (slot by spelling), found once when indexing:
  // knownIds[knownStart[slot] .. knownStart[slot + 1] - 1].
  private readonly knownSpellings = new Map<string, number>();
  private readonly knownCanonicals: string[] = [];
  private readonly knownStart: Int32Array;
  private readonly knownIds: Int32Array;
  private readonly knownSimilarities: Float64Array;
  private readonly unknownTokenWeight: number;
  // Postings and name tokens in compressed rows: row t is ids[start[t]] .. ids[start[t + 1] - 1].
  private readonly postingStart: Int32Array;
  private readonly postingNames: Int32Array;
  private readonly postingWeights: Float64Array;
  private readonly nameTokenStart: Int32Array;
  private readonly nameTokens: Int32Array;
  private readonly nameOwners: Int32Array;
  private readonly nameDisplays: string[];
  private readonly nameWeights: Float64Array;
  // Exact-only names by normalised spelling (tokens joined by one space), and their most tokens.
  private readonly exactNames = new Map<string, ExactName[]>();
  private readonly exactMaxTokens: number = 0;

  private readonly tokenCache: LruCache<string, QueryToken>;
  private readonly queryCache: LruCache<string, CachedSearch>;
  private readonly querySeen: SeenBeforeFilter;
  private readonly tokenSeen: SeenBeforeFilter;

  // Per-query scratch, reused so a search allocates almost nothing. A stamp marks "touched in this
  // query" without clearing arrays.
  private stamp = 0;
  // Per name, side by side so a posting touches one cache line: [stamp, query side, name side,
  // name weight, token signature]; the sides accumulate what the name's postings add for this query.
  private readonly accumulators: Float64Array;
  private readonly tokenStamp: Uint32Array;
  private readonly tokenEntryHead: Int32Array;
  private entryQuery = new Int32Array(64);
  private entrySimilarity = new Float64Array(64);
  private entryNext = new Int32Array(64);
  private pairQuery = new Int32Array(64);
  private pairName = new Int32Array(64);
  private pairValue = new Float64Array(64);
  private pairSimilarity = new Float64Array(64);
  private pairOrder = new Int32Array(64);
  private queryBest = new Float64Array(16);
  // Per-token-lookup scratch: list tokens already compared with the query token.
  private checkStamp = 0;
  private readonly tokenChecked: Uint32Array;
  private readonly keys = new Int32Array(256);
  private readonly canonicalPattern = new EditDistancePattern();
  private readonly spellingPattern = new EditDistancePattern();

  constructor(names: Iterable<IndexedName>, options: NameMatchIndexOptions = {}) {
    this.tokenCache = new LruCache(options.cachedTokens ?? DEFAULT_CACHED_TOKENS);
    this.queryCache = new LruCache(options.cachedQueries ?? DEFAULT_CACHED_QUERIES);
    // Doorkeepers remember about as many keys as their cache holds.
    this.querySeen = new SeenBeforeFilter(Math.max(1, this.queryCache.capacity));
    this.tokenSeen = new SeenBeforeFilter(Math.max(1, this.tokenCache.capacity));
    const owners: number[] = [];
    const displays: string[] = [];
    const tokenStarts: number[] = [0];
    const flatTokens: number[] = [];
    const documentFrequency: number[] = [];
    // Names per token and names in all, as listed (derived names left out): what the weights count.
    const listedFrequency: number[] = [];
    let listedNames = 0;
    const seenForOwner = new Map<number, Set<string>>();
    for (const { ownerId, display, exact, derived } of names) {
      if (exact === true) {
        const spellings = withoutDroppedWords(tokenise(display));
        const key = spellings.join(' ');
        const same = this.exactNames.get(key) ?? [];
        if (spellings.length > 0 && !same.some((name) => name.ownerId === ownerId)) {
          same.push({ ownerId, display });
          this.exactNames.set(key, same);
          this.exactMaxTokens = Math.max(this.exactMaxTokens, spellings.length);
        }
        continue;
      }
      const tokens = normaliseNameTokens(display);
      if (tokens.length === 0) {
        continue;
      }
      // Aliases that normalise to the same tokens as another name of the same owner add nothing.
      const key = tokens.map((token) => token.canonical).join(' ');
      const seen = seenForOwner.get(ownerId) ?? new Set<string>();
      seenForOwner.set(ownerId, seen);
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const first = flatTokens.length;
      for (const token of tokens) {
        const tokenId = this.internToken(token);
        if (flatTokens.indexOf(tokenId, first) < 0) {
          documentFrequency[tokenId] = (documentFrequency[tokenId] ?? 0) + 1;
          if (derived !== true) {
            listedFrequency[tokenId] = (listedFrequency[tokenId] ?? 0) + 1;
          }
        }
        flatTokens.push(tokenId);
      }
      listedNames += derived === true ? 0 : 1;
      tokenStarts.push(flatTokens.length);
      owners.push(ownerId);
      displays.push(display);
    }
    const nameCount = owners.length;
    const tokenCount = this.tokenTexts.length;
    [this.tokenSpellings, this.spellingStart, this.spellingCodes] = flattenSpellings(this.spellings);
    this.neighbourhood = new DeletionNeighbourhoodIndex(this.neighbourKeys, this.neighbourTokens);
    this.neighbourKeys = [];
    this.neighbourTokens = [];
    this.nameOwners = Int32Array.from(owners);
    this.nameDisplays = displays;
    this.nameTokenStart = Int32Array.from(tokenStarts);
    this.nameTokens = Int32Array.from(flatTokens);

    const weightBase = Math.max(1, listedNames);
    this.tokenWeights = Float64Array.from(this.tokenTexts, (token, tokenId) =>
      WEAK_TOKENS.has(token)
        ? WEAK_WEIGHT
        : Math.log(1 + weightBase / Math.max(1, listedFrequency[tokenId] ?? 1)),
    );
    this.unknownTokenWeight = Math.log(1 + weightBase);
    this.nameWeights = new Float64Array(nameCount);
    for (let n = 0; n < nameCount; n++) {
      let total = 0;
      for (let i = this.nameTokenStart[n] ?? 0; i < (this.nameTokenStart[n + 1] ?? 0); i++) {
        total += this.tokenWeights[this.nameTokens[i] ?? 0] ?? 0;
      }
      this.nameWeights[n] = total;
    }

    [this.postingStart, this.postingNames, this.postingWeights] = postingsByNameWeight(
      this.nameTokenStart,
      this.nameTokens,
      this.nameWeights,
      documentFrequency,
    );
    this.accumulators = new Float64Array(ACCUMULATOR_WIDTH * nameCount);
    for (let n = 0; n < nameCount; n++) {
      let signature = 0;
      for (let i = this.nameTokenStart[n] ?? 0; i < (this.nameTokenStart[n + 1] ?? 0); i++) {
        signature |= signatureBit(this.nameTokens[i] ?? 0);
      }
      this.accumulators[ACCUMULATOR_WIDTH * n + 3] = this.nameWeights[n] ?? 0;
      this.accumulators[ACCUMULATOR_WIDTH * n + 4] = signature;
    }
    this.tokenStamp = new Uint32Array(tokenCount);
    this.tokenEntryHead = new Int32Array(tokenCount);
    this.tokenChecked = new Uint32Array(tokenCount);

    // Every spelling the list uses, looked up once now: a query token written as on the list
    // (TRADING, SHIPPING, MOHAMMED) then costs one Map lookup.
    const knownStarts: number[] = [0];
    const knownIds: number[] = [];
    const knownSimilarities: number[] = [];
    for (const known of this.spellings) {
      for (const spelling of known) {
        if (this.knownSpellings.has(spelling)) {
          continue;
        }
        const canonical = canonicalTokenOf(spelling);
        const [ids, similarities] = this.nearTokens(canonical, spelling, this.tokenIdByText.get(canonical));
        this.knownSpellings.set(spelling, this.knownCanonicals.length);
        this.knownCanonicals.push(canonical);
        knownIds.push(...ids);
        knownSimilarities.push(...similarities);
        knownStarts.push(knownIds.length);
      }
    }
    this.knownStart = Int32Array.from(knownStarts);
    this.knownIds = Int32Array.from(knownIds);
    this.knownSimilarities = Float64Array.from(knownSimilarities);
  }

  /** Names scored fuzzily (exact-only names not counted). */
  get nameCount(): number {
    return this.nameOwners.length;
  }

  /** Exact-only names (acronyms), counted once per spelling and owner. */
  get exactNameCount(): number {
    let count = 0;
    for (const names of this.exactNames.values()) {
      count += names.length;
    }
    return count;
  }

  get tokenCount(): number {
    return this.tokenTexts.length;
  }

  /** Best match per owner with score ≥ minScore, best first (ties by owner id). */
  search(rawName: string, minScore: number): NameMatch[] {
    const spellings = withoutDroppedWords(tokenise(rawName));
    if (spellings.length === 0) {
      return [];
    }
    if (this.queryCache.capacity === 0) {
      return this.withExactMatches(spellings, this.searchTokens(spellings, minScore), minScore);
    }
    // Keyed by the normalised name; an entry for another threshold is simply replaced.
    const key = spellings.length === 1 ? (spellings[0] ?? '') : spellings.join(' ');
    const cached = this.queryCache.get(key);
    if (cached !== undefined && cached.minScore === minScore) {
      return cached.matches.length === 0 ? [] : cached.matches.slice();
    }
    const matches = this.withExactMatches(spellings, this.searchTokens(spellings, minScore), minScore);
    if (cached !== undefined || this.querySeen.offer(key)) {
      this.queryCache.set(key, {
        minScore,
        matches: matches.length === 0 ? NO_NAME_MATCHES : matches.slice(),
      });
    }
    return matches;
  }

  private searchTokens(spellings: readonly string[], minScore: number): NameMatch[] {
    const query = spellings.map((spelling) => this.queryToken(spelling));
    let queryWeight = 0;
    let reachableQuerySide = 0;
    let reachableNameSide = 0;
    let reachableTokens = 0;
    for (const token of query) {
      queryWeight += token.weight;
      if (token.matchEnd > token.matchStart) {
        reachableQuerySide += token.bestQuerySide;
        reachableNameSide += token.bestNameSide;
        reachableTokens++;
      }
    }
    const floor = minScore - BOUND_SLACK;
    if (
      reachableTokens === 0 ||
      scoreBound(reachableQuerySide, reachableNameSide, reachableTokens, queryWeight) < floor
    ) {
      return [];
    }
    const [lightest, heaviest] = nameWeightRange(reachableQuerySide, reachableNameSide, queryWeight, floor);

    // Prefix filter: skip the costliest tokens while a name matching only skipped ones stays below.
    const order = query
      .map((_, q) => q)
      .filter((q) => (query[q]?.matchEnd ?? 0) > (query[q]?.matchStart ?? 0))
      .sort((a, b) => (query[b]?.postingVolume ?? 0) - (query[a]?.postingVolume ?? 0));
    const skipped = new Uint8Array(query.length);
    const skippedList: QueryToken[] = [];
    let skippedQuerySide = 0;
    let skippedNameSide = 0;
    let skippedTokens = 0;
    for (const q of order) {
      const token = query[q];
      if (
        token !== undefined &&
        scoreBound(
          skippedQuerySide + token.bestQuerySide,
          skippedNameSide + token.bestNameSide,
          skippedTokens + 1,
          queryWeight,
        ) < floor
      ) {
        skipped[q] = 1;
        skippedList.push(token);
        skippedQuerySide += token.bestQuerySide;
        skippedNameSide += token.bestNameSide;
        skippedTokens++;
      }
    }

    const stamp = this.nextStamp();
    const accumulators = this.accumulators;
    const candidates: number[] = [];
    for (let q = 0; q < query.length; q++) {
      const token = query[q];
      if (token === undefined || skipped[q] === 1) {
        continue;
      }
      for (let m = token.matchStart; m < token.matchEnd; m++) {
        const tokenId = token.matchIds[m] ?? 0;
        const similarity = token.matchSimilarities[m] ?? 0;
        const queryPart = similarity * token.weight;
        const namePart = similarity * (this.tokenWeights[tokenId] ?? 0);
        const end = this.postingStart[tokenId + 1] ?? 0;
        for (let p = this.firstPostingFrom(tokenId, lightest); p < end; p++) {
          if ((this.postingWeights[p] ?? 0) > heaviest) {
            break;
          }
          const nameId = this.postingNames[p] ?? 0;
          const at = ACCUMULATOR_WIDTH * nameId;
          if (accumulators[at] === stamp) {
            accumulators[at + 1] = (accumulators[at + 1] ?? 0) + queryPart;
            accumulators[at + 2] = (accumulators[at + 2] ?? 0) + namePart;
          } else {
            accumulators[at] = stamp;
            accumulators[at + 1] = queryPart;
            accumulators[at + 2] = namePart;
            candidates.push(nameId);
          }
        }
      }
    }
    if (candidates.length === 0) {
      return [];
    }

    this.indexQueryMatches(query, stamp);
    const best = new BestPerOwner();
    for (const nameId of candidates) {
      // Postings overcount (a query token may match two tokens of one name), so this stays an
      // upper bound; skipped tokens count when the name's signature says it may contain them.
      const at = ACCUMULATOR_WIDTH * nameId;
      const nameWeight = accumulators[at + 3] ?? 0;
      const signature = accumulators[at + 4] ?? 0;
      let querySide = accumulators[at + 1] ?? 0;
      let nameSide = accumulators[at + 2] ?? 0;
      for (const token of skippedList) {
        if ((token.signature & signature) !== 0) {
          querySide += token.bestQuerySide;
          nameSide += token.bestNameSide;
        }
      }
      nameSide = Math.min(nameWeight, nameSide);
      const dice = (querySide + nameSide) / (queryWeight + nameWeight);
      const coverage = Math.max(querySide / queryWeight, nameSide / nameWeight);
      if (Math.max(dice, (dice + coverage) / 2) < floor) {
        continue;
      }
      const score = this.score(query, queryWeight, nameId, stamp, floor);
      if (score >= minScore) {
        best.offer(this.nameOwners[nameId] ?? 0, nameId, this.nameDisplays[nameId] ?? '', score);
      }
    }
    return best.matches();
  }

  /**
   * Every name scored, without blocking, bounds or caches: the definition of a match, which the
   * filters of search() must reproduce exactly. Linear in the list; for tests and investigations.
   */
  searchExhaustive(rawName: string, minScore: number): NameMatch[] {
    const spellings = withoutDroppedWords(tokenise(rawName));
    if (spellings.length === 0) {
      return [];
    }
    const query = spellings.map((spelling) => this.queryToken(spelling));
    const queryWeight = query.reduce((sum, token) => sum + token.weight, 0);
    const stamp = this.nextStamp();
    this.indexQueryMatches(query, stamp);
    const best = new BestPerOwner();
    for (let nameId = 0; nameId < this.nameCount; nameId++) {
      const score = this.score(query, queryWeight, nameId, stamp, Number.NEGATIVE_INFINITY);
      if (score >= minScore && score > 0) {
        best.offer(this.nameOwners[nameId] ?? 0, nameId, this.nameDisplays[nameId] ?? '', score);
      }
    }
    return this.withExactMatches(spellings, best.matches(), minScore);
  }

  /**
   * Adds the owners of an exact-only name spelt as the query, at score 1, to the fuzzy matches
   * (best first, then by owner). An owner already matched fuzzily at 1 keeps its name.
   */
  private withExactMatches(
    spellings: readonly string[],
    matches: NameMatch[],
    minScore: number,
  ): NameMatch[] {
    if (spellings.length > this.exactMaxTokens || minScore > 1) {
      return matches;
    }
    const exact = this.exactNames.get(spellings.length === 1 ? (spellings[0] ?? '') : spellings.join(' '));
    if (exact === undefined) {
      return matches;
    }
    const merged = matches.slice();
    for (const { ownerId, display } of exact) {
      const at = merged.findIndex((match) => match.ownerId === ownerId);
      if (at < 0) {
        merged.push({ ownerId, display, score: 1 });
      } else if ((merged[at]?.score ?? 0) < 1) {
        merged[at] = { ownerId, display, score: 1 };
      }
    }
    return merged.sort((a, b) => b.score - a.score || a.ownerId - b.ownerId);
  }

  /** First posting of the token whose name weighs at least `weight` (postings are sorted by it). */
  private firstPostingFrom(tokenId: number, weight: number): number {
    let low = this.postingStart[tokenId] ?? 0;
    let high = this.postingStart[tokenId + 1] ?? 0;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.postingWeights[middle] ?? 0) < weight) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      for (let at = 0; at < this.accumulators.length; at += ACCUMULATOR_WIDTH) {
        this.accumulators[at] = 0;
      }
      this.tokenStamp.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** For scoring: list token id → linked entries (query token, similarity) for this query. */
  private indexQueryMatches(query: readonly QueryToken[], stamp: number): void {
    let entries = 0;
    for (const token of query) {
      entries += token.matchEnd - token.matchStart;
    }
    if (this.entryQuery.length < entries) {
      this.entryQuery = new Int32Array(2 * entries);
      this.entrySimilarity = new Float64Array(2 * entries);
      this.entryNext = new Int32Array(2 * entries);
    }
    let entry = 0;
    for (let q = 0; q < query.length; q++) {
      const token = query[q];
      for (let m = token?.matchStart ?? 0; m < (token?.matchEnd ?? 0); m++) {
        const tokenId = token?.matchIds[m] ?? 0;
        this.entryQuery[entry] = q;
        this.entrySimilarity[entry] = token?.matchSimilarities[m] ?? 0;
        this.entryNext[entry] =
          this.tokenStamp[tokenId] === stamp ? (this.tokenEntryHead[tokenId] ?? -1) : -1;
        this.tokenStamp[tokenId] = stamp;
        this.tokenEntryHead[tokenId] = entry;
        entry++;
      }
    }
  }

  private internToken({ canonical, spelling }: NameToken): number {
    let tokenId = this.tokenIdByText.get(canonical);
    if (tokenId === undefined) {
      tokenId = this.tokenTexts.length;
      this.tokenIdByText.set(canonical, tokenId);
      this.tokenTexts.push(canonical);
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
    if (spelling.length >= MIN_FUZZY_LENGTH) {
      const keys = this.keysFor(spelling);
      const count = deletionKeysOf(spelling, keys);
      for (let k = 0; k < count; k++) {
        this.neighbourKeys.push(keys[k] ?? 0);
        this.neighbourTokens.push(tokenId);
      }
    }
  }

  private keysFor(form: string): Int32Array {
    return form.length < this.keys.length ? this.keys : new Int32Array(form.length + 1);
  }

  /** Best similarity of the query token's two forms (prepared) to any spelling of a list token. */
  private tokenSimilarity(tokenId: number, bothForms: boolean): number {
    if (!this.canonicalPattern.usesBitVectors || (bothForms && !this.spellingPattern.usesBitVectors)) {
      return this.tokenSimilarityOfStrings(tokenId, bothForms);
    }
    let best = 0;
    const last = this.tokenSpellings[tokenId + 1] ?? 0;
    for (let spelling = this.tokenSpellings[tokenId] ?? 0; spelling < last && best < 1; spelling++) {
      const start = this.spellingStart[spelling] ?? 0;
      const end = this.spellingStart[spelling + 1] ?? 0;
      best = Math.max(best, this.canonicalPattern.similarityOfCodes(this.spellingCodes, start, end));
      if (bothForms) {
        best = Math.max(best, this.spellingPattern.similarityOfCodes(this.spellingCodes, start, end));
      }
    }
    return best;
  }

  /** The same for query forms the bit vectors cannot take (long or not ASCII). */
  private tokenSimilarityOfStrings(tokenId: number, bothForms: boolean): number {
    let best = 0;
    for (const known of this.spellings[tokenId] ?? []) {
      best = Math.max(best, this.canonicalPattern.similarity(known));
      if (bothForms) {
        best = Math.max(best, this.spellingPattern.similarity(known));
      }
      if (best === 1) {
        break;
      }
    }
    return best;
  }

  /**
   * List tokens within reach of a query token: its exact canonical form (similarity 1, first), then
   * every token sharing a deletion key with the canonical form or the spelling as written whose
   * edit similarity reaches MIN_TOKEN_SIMILARITY, in lookup order.
   */
  private nearTokens(canonical: string, spelling: string, exact: number | undefined): [number[], number[]] {
    let ids: number[] = NO_MATCHES;
    let similarities: number[] = NO_MATCHES;
    this.checkStamp = (this.checkStamp + 1) >>> 0;
    if (this.checkStamp === 0) {
      this.tokenChecked.fill(0);
      this.checkStamp = 1;
    }
    const check = this.checkStamp;
    if (exact !== undefined) {
      ids = [exact];
      similarities = [1];
      this.tokenChecked[exact] = check;
    }
    // One edit apart and the longer token at least MIN_FUZZY_TOKEN_LENGTH long: a query one letter
    // shorter than that only looks itself up (it may be a list token with a letter dropped).
    const forms = spelling === canonical ? 1 : 2;
    let patternsReady = false;
    const neighbourhood = this.neighbourhood;
    for (let f = 0; f < forms; f++) {
      const form = f === 0 ? canonical : spelling;
      if (form.length < MIN_FUZZY_LENGTH - 1) {
        continue;
      }
      const keys = this.keysFor(form);
      const all = deletionKeysOf(form, keys);
      const count = form.length >= MIN_FUZZY_LENGTH ? all : 1;
      for (let k = 0; k < count; k++) {
        const bucket = neighbourhood.bucket(keys[k] ?? 0);
        if (bucket < 0) {
          continue;
        }
        const end = neighbourhood.bucketEnd[bucket] ?? 0;
        for (let b = neighbourhood.bucketStart[bucket] ?? 0; b < end; b++) {
          const tokenId = neighbourhood.tokenIds[b] ?? 0;
          if (this.tokenChecked[tokenId] === check) {
            continue;
          }
          this.tokenChecked[tokenId] = check;
          if (!patternsReady) {
            this.canonicalPattern.reset(canonical);
            if (forms === 2) {
              this.spellingPattern.reset(spelling);
            }
            patternsReady = true;
          }
          const similarity = this.tokenSimilarity(tokenId, forms === 2);
          if (similarity >= MIN_SIMILARITY) {
            if (ids === NO_MATCHES) {
              ids = [];
              similarities = [];
            }
            ids.push(tokenId);
            similarities.push(similarity);
          }
        }
      }
    }
    return [ids, similarities];
  }

  private queryToken(spelling: string): QueryToken {
    const cached = this.tokenCache.get(spelling);
    if (cached !== undefined) {
      return cached;
    }
    const slot = this.knownSpellings.get(spelling);
    let canonical: string;
    let ids = this.knownIds;
    let similarities = this.knownSimilarities;
    let start = 0;
    let end = 0;
    if (slot !== undefined) {
      canonical = this.knownCanonicals[slot] ?? spelling;
      start = this.knownStart[slot] ?? 0;
      end = this.knownStart[slot + 1] ?? 0;
    } else {
      canonical = canonicalTokenOf(spelling);
      const [near, nearSimilarities] = this.nearTokens(
        canonical,
        spelling,
        this.tokenIdByText.get(canonical),
      );
      if (near.length > 0) {
        ids = Int32Array.from(near);
        similarities = Float64Array.from(nearSimilarities);
        end = near.length;
      }
    }
    // A token the list does not know is as distinctive as the rarest one: its absence from a name counts fully.
    let weight = WEAK_TOKENS.has(canonical) ? WEAK_WEIGHT : this.unknownTokenWeight;
    let bestSimilarity = 0;
    let bestNameSide = 0;
    let postingVolume = 0;
    let signature = 0;
    for (let m = start; m < end; m++) {
      const tokenId = ids[m] ?? 0;
      const similarity = similarities[m] ?? 0;
      const tokenWeight = this.tokenWeights[tokenId] ?? 0;
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        weight = tokenWeight;
      }
      bestNameSide = Math.max(bestNameSide, similarity * tokenWeight);
      postingVolume += (this.postingStart[tokenId + 1] ?? 0) - (this.postingStart[tokenId] ?? 0);
      signature |= signatureBit(tokenId);
    }
    const token: QueryToken = {
      weight,
      matchIds: ids,
      matchSimilarities: similarities,
      matchStart: start,
      matchEnd: end,
      bestQuerySide: bestSimilarity * weight,
      bestNameSide,
      postingVolume,
      signature,
    };
    if (this.tokenCache.capacity > 0 && this.tokenSeen.offer(spelling)) {
      this.tokenCache.set(spelling, token);
    }
    return token;
  }

  /**
   * IDF-weighted Dice over a greedy best-first one-to-one assignment of query tokens to the name's
   * tokens (names are a few tokens long, so greedy equals the optimum in practice).
   */
  private score(
    query: readonly QueryToken[],
    queryWeight: number,
    nameId: number,
    stamp: number,
    floor: number,
  ): number {
    const start = this.nameTokenStart[nameId] ?? 0;
    const length = (this.nameTokenStart[nameId + 1] ?? 0) - start;
    if (this.queryBest.length < query.length) {
      this.queryBest = new Float64Array(2 * query.length);
    }
    const queryBest = this.queryBest;
    let nameSide = 0;
    let pairs = 0;
    for (let c = 0; c < length; c++) {
      const tokenId = this.nameTokens[start + c] ?? 0;
      if (this.tokenStamp[tokenId] !== stamp) {
        continue;
      }
      const tokenWeight = this.tokenWeights[tokenId] ?? 0;
      let nameBest = 0;
      for (let e = this.tokenEntryHead[tokenId] ?? -1; e >= 0; e = this.entryNext[e] ?? -1) {
        const q = this.entryQuery[e] ?? 0;
        const similarity = this.entrySimilarity[e] ?? 0;
        const queryTokenWeight = query[q]?.weight ?? 0;
        const queryPart = similarity * queryTokenWeight;
        if (pairs === 0) {
          queryBest.fill(0, 0, query.length);
        }
        this.ensurePairCapacity(pairs + 1);
        this.pairQuery[pairs] = q;
        this.pairName[pairs] = c;
        this.pairSimilarity[pairs] = similarity;
        this.pairValue[pairs] = similarity * (queryTokenWeight + tokenWeight);
        pairs++;
        queryBest[q] = Math.max(queryBest[q] ?? 0, queryPart);
        nameBest = Math.max(nameBest, similarity * tokenWeight);
      }
      nameSide += nameBest;
    }
    if (pairs === 0) {
      return 0;
    }
    // Before the assignment: each side's best pairs without the one-to-one constraint bound it.
    let querySide = 0;
    for (let q = 0; q < query.length; q++) {
      querySide += queryBest[q] ?? 0;
    }
    const nameWeight = this.nameWeights[nameId] ?? 0;
    const diceBound = (querySide + nameSide) / (queryWeight + nameWeight);
    const coverageBound = Math.max(querySide / queryWeight, nameSide / nameWeight);
    if (Math.max(diceBound, (diceBound + coverageBound) / 2) < floor) {
      return 0;
    }
    // Best value first; ties by query token, then name token, so the assignment does not depend on
    // the order postings were read in.
    const order = this.pairOrder;
    for (let i = 0; i < pairs; i++) {
      let j = i;
      while (j > 0 && this.pairBefore(i, order[j - 1] ?? 0)) {
        order[j] = order[j - 1] ?? 0;
        j--;
      }
      order[j] = i;
    }
    let usedQuery = 0;
    let usedName = 0;
    let matched = 0;
    let matchedQueryWeight = 0;
    let matchedNameWeight = 0;
    let matchedTokens = 0;
    for (let i = 0; i < pairs; i++) {
      const pair = order[i] ?? 0;
      const q = this.pairQuery[pair] ?? 0;
      const c = this.pairName[pair] ?? 0;
      const qBit = 1 << Math.min(q, 30);
      const cBit = 1 << Math.min(c, 30);
      if ((usedQuery & qBit) === 0 && (usedName & cBit) === 0) {
        const similarity = this.pairSimilarity[pair] ?? 0;
        usedQuery |= qBit;
        usedName |= cBit;
        matched += this.pairValue[pair] ?? 0;
        matchedQueryWeight += similarity * (query[q]?.weight ?? 0);
        matchedNameWeight += similarity * (this.tokenWeights[this.nameTokens[start + c] ?? 0] ?? 0);
        matchedTokens++;
      }
    }
    const dice = matched / (queryWeight + nameWeight);
    if (matchedTokens < CONTAINMENT_TOKENS) {
      return dice;
    }
    // One name inside the other ("Ahmed Dahir" within "Ahmed Dahir Aweys"): lift the score halfway
    // to the coverage of the shorter side. Needs two matched tokens, so one shared word never does.
    const containment = Math.max(matchedQueryWeight / queryWeight, matchedNameWeight / nameWeight);
    return Math.max(dice, (dice + containment) / 2);
  }

  private pairBefore(a: number, b: number): boolean {
    const valueA = this.pairValue[a] ?? 0;
    const valueB = this.pairValue[b] ?? 0;
    if (valueA !== valueB) {
      return valueA > valueB;
    }
    const queryA = this.pairQuery[a] ?? 0;
    const queryB = this.pairQuery[b] ?? 0;
    return queryA !== queryB ? queryA < queryB : (this.pairName[a] ?? 0) < (this.pairName[b] ?? 0);
  }

  private ensurePairCapacity(needed: number): void {
    if (this.pairQuery.length >= needed) {
      return;
    }
    const grow = <T extends Int32Array | Float64Array>(array: T, make: (size: number) => T): T => {
      const bigger = make(2 * needed);
      bigger.set(array);
      return bigger;
    };
    this.pairQuery = grow(this.pairQuery, (size) => new Int32Array(size));
    this.pairName = grow(this.pairName, (size) => new Int32Array(size));
    this.pairValue = grow(this.pairValue, (size) => new Float64Array(size));
    this.pairSimilarity = grow(this.pairSimilarity, (size) => new Float64Array(size));
    this.pairOrder = new Int32Array(2 * needed);
  }
}

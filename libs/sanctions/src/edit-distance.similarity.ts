// Three DP rows reused across calls: the matcher compares thousands of token pairs per second.
let rows = new Int32Array(3 * 32);

/**
 * Optimal-string-alignment Damerau-Levenshtein distance, or `limit + 1` as soon as it is known to
 * exceed `limit` (a row's minimum never decreases, so once it passes the limit the result does too).
 */
export function boundedDamerauLevenshteinDistance(a: string, b: string, limit: number): number {
  if (a === b) {
    return 0;
  }
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > limit) {
    return limit + 1;
  }
  const width = lengthB + 1;
  if (rows.length < 3 * width) {
    rows = new Int32Array(6 * width);
  }
  const buffer = rows;
  // Row i lives at offset (i % 3) * width.
  let previousPrevious = 2 * width;
  let previous = 0;
  let current = width;
  for (let j = 0; j < width; j++) {
    buffer[j] = j;
  }
  for (let i = 1; i <= lengthA; i++) {
    const charA = a.charCodeAt(i - 1);
    const charBeforeA = i > 1 ? a.charCodeAt(i - 2) : -1;
    buffer[current] = i;
    let rowMinimum = i;
    for (let j = 1; j <= lengthB; j++) {
      const charB = b.charCodeAt(j - 1);
      const substitution = (buffer[previous + j - 1] ?? 0) + (charA === charB ? 0 : 1);
      const deletion = (buffer[previous + j] ?? 0) + 1;
      const insertion = (buffer[current + j - 1] ?? 0) + 1;
      let best = substitution < deletion ? substitution : deletion;
      if (insertion < best) {
        best = insertion;
      }
      if (j > 1 && charA === b.charCodeAt(j - 2) && charBeforeA === charB) {
        const transposition = (buffer[previousPrevious + j - 2] ?? 0) + 1;
        if (transposition < best) {
          best = transposition;
        }
      }
      buffer[current + j] = best;
      if (best < rowMinimum) {
        rowMinimum = best;
      }
    }
    if (rowMinimum > limit) {
      return limit + 1;
    }
    const recycled = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = recycled;
  }
  const distance = buffer[previous + lengthB] ?? 0;
  return distance > limit ? limit + 1 : distance;
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance: insertions, deletions, substitutions and
 * adjacent transpositions each cost one edit, the four slips a clerk makes when typing a name.
 */
export function damerauLevenshteinDistance(a: string, b: string): number {
  return boundedDamerauLevenshteinDistance(a, b, Math.max(a.length, b.length));
}

/**
 * 1 − edits / longer length. Unlike Jaro-Winkler it is strict on short tokens (one edit in a
 * five-letter name leaves 0.8, in a ten-letter name 0.9), which is where false hits come from.
 */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - damerauLevenshteinDistance(a, b) / longer;
}

const WORD_BITS = 32;
const ASCII = 128;

/**
 * One string prepared for many OSA Damerau-Levenshtein comparisons, with Hyyrö's bit-vector
 * algorithm (2003): a column of the DP table fits in one 32-bit word, so a comparison is a few
 * word operations per character of the other string instead of a full table. Patterns longer than
 * 32 characters or outside ASCII fall back to the table.
 */
export class EditDistancePattern {
  private pattern = '';
  private bitParallel = false;
  // Bit i of matchMasks[c] is set when pattern[i] is character c.
  private readonly matchMasks = new Int32Array(ASCII);

  /** Prepares `pattern`; returns this for chaining. */
  reset(pattern: string): this {
    for (let i = 0; i < this.pattern.length && this.bitParallel; i++) {
      this.matchMasks[this.pattern.charCodeAt(i)] = 0;
    }
    this.pattern = pattern;
    this.bitParallel = pattern.length > 0 && pattern.length <= WORD_BITS;
    for (let i = 0; i < pattern.length && this.bitParallel; i++) {
      if (pattern.charCodeAt(i) >= ASCII) {
        this.bitParallel = false;
      }
    }
    if (this.bitParallel) {
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        this.matchMasks[code] = (this.matchMasks[code] ?? 0) | (1 << i);
      }
    }
    return this;
  }

  /** Whether comparisons run on bit vectors (so distanceOfCodes may be used). */
  get usesBitVectors(): boolean {
    return this.bitParallel;
  }

  /** damerauLevenshteinDistance(pattern, text). */
  distance(text: string): number {
    if (!this.bitParallel) {
      return damerauLevenshteinDistance(this.pattern, text);
    }
    let state = this.start();
    for (let j = 0; j < text.length; j++) {
      state = this.step(text.charCodeAt(j));
    }
    return state;
  }

  /** The distance to the text held in codes[start .. end - 1]; only when usesBitVectors. */
  distanceOfCodes(codes: Uint16Array, start: number, end: number): number {
    let state = this.start();
    for (let j = start; j < end; j++) {
      state = this.step(codes[j] ?? 0);
    }
    return state;
  }

  /** editSimilarity(pattern, text). */
  similarity(text: string): number {
    const longer = Math.max(this.pattern.length, text.length);
    return longer === 0 ? 1 : 1 - this.distance(text) / longer;
  }

  /** editSimilarity(pattern, text) for the text in codes[start .. end - 1]; only when usesBitVectors. */
  similarityOfCodes(codes: Uint16Array, start: number, end: number): number {
    const longer = Math.max(this.pattern.length, end - start);
    return longer === 0 ? 1 : 1 - this.distanceOfCodes(codes, start, end) / longer;
  }

  // Column state of Hyyrö's algorithm, advanced one text character at a time.
  private positive = -1;
  private negative = 0;
  private diagonalZero = 0;
  private previousMatches = 0;
  private current = 0;

  private start(): number {
    this.positive = -1; // vertical +1 deltas: all ones at the start (column 0 is 0, 1, 2, ...)
    this.negative = 0;
    this.diagonalZero = 0;
    this.previousMatches = 0;
    this.current = this.pattern.length;
    return this.current;
  }

  /** Advances by one text character; returns the distance from the pattern to the text so far. */
  private step(code: number): number {
    const last = 1 << (this.pattern.length - 1);
    const positive = this.positive;
    const negative = this.negative;
    const matches = code < ASCII ? (this.matchMasks[code] ?? 0) : 0;
    // Adjacent transposition: pattern[i-1..i] equals text[j..j-1].
    const transposed = (((~this.diagonalZero & matches) << 1) & this.previousMatches) | 0;
    const diagonalZero = (((matches & positive) + positive) ^ positive) | matches | negative | transposed;
    const horizontalPositive = negative | ~(diagonalZero | positive);
    const horizontalNegative = positive & diagonalZero;
    if ((horizontalPositive & last) !== 0) {
      this.current++;
    } else if ((horizontalNegative & last) !== 0) {
      this.current--;
    }
    const shiftedPositive = (horizontalPositive << 1) | 1;
    this.positive = (horizontalNegative << 1) | ~(diagonalZero | shiftedPositive);
    this.negative = diagonalZero & shiftedPositive;
    this.diagonalZero = diagonalZero;
    this.previousMatches = matches;
    return this.current;
  }
}

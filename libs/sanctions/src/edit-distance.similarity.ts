/**
 * Optimal-string-alignment Damerau-Levenshtein distance: insertions, deletions, substitutions and
 * adjacent transpositions each cost one edit, the four slips a clerk makes when typing a name.
 */
export function damerauLevenshteinDistance(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const width = b.length + 1;
  let previousPrevious = new Int32Array(width);
  let previous = Int32Array.from({ length: width }, (_, j) => j);
  let current = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        best = Math.min(best, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[b.length] ?? 0;
}

/**
 * 1 − edits / longer length. Unlike Jaro-Winkler it is strict on short tokens (one edit in a
 * five-letter name leaves 0.8, in a ten-letter name 0.9), which is where false hits come from.
 */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - damerauLevenshteinDistance(a, b) / longer;
}

import {
  boundedDamerauLevenshteinDistance,
  damerauLevenshteinDistance,
  EditDistancePattern,
  editSimilarity,
} from './edit-distance.similarity';
import { SeededRandom } from './evaluation/seeded-random';
import { jaroSimilarity, jaroWinklerSimilarity } from './jaro-winkler.similarity';

/** Textbook full-matrix optimal string alignment distance, the reference for the fast versions. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row !== undefined) {
        row[j] = best;
      }
    }
  }
  return at(a.length, b.length);
}

/** Seeded pairs: random strings over small alphabets (many matches) and near copies (few edits). */
function randomPairs(count: number): Array<[string, string]> {
  const random = new SeededRandom(2003);
  const alphabets = ['AB', 'ABC', 'ABCDEFGH', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const word = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet.charAt(random.int(alphabet.length))).join('');
  return Array.from({ length: count }, () => {
    const alphabet = random.pick(alphabets);
    const a = word(alphabet, random.int(36));
    if (random.next() < 0.5) {
      return [a, word(alphabet, random.int(36))];
    }
    let b = a;
    for (let edits = random.int(4); edits > 0; edits--) {
      const at = random.int(b.length + 1);
      const letter = word(alphabet, 1);
      b = [
        b.slice(0, at) + letter + b.slice(at),
        b.slice(0, at) + b.slice(at + 1),
        b.slice(0, at) + letter + b.slice(at + 1),
        b.slice(0, at) + b.charAt(at + 1) + b.charAt(at) + b.slice(at + 2),
      ][random.int(4)] as string;
    }
    return [a, b];
  });
}

describe('string similarity', () => {
  it.each([
    ['', '', 0],
    ['ABC', 'ABC', 0],
    ['ABC', 'AC', 1],
    ['ABC', 'ABXC', 1],
    ['ABC', 'AXC', 1],
    ['ABCD', 'ABDC', 1],
    ['KITTEN', 'SITTING', 3],
    ['CA', 'ABC', 3],
  ])('Damerau-Levenshtein(%s, %s) = %d', (a, b, distance) => {
    expect(damerauLevenshteinDistance(a, b)).toBe(distance);
    expect(damerauLevenshteinDistance(b, a)).toBe(distance);
    expect(new EditDistancePattern().reset(a).distance(b)).toBe(distance);
    expect(new EditDistancePattern().reset(b).distance(a)).toBe(distance);
  });

  it.each([
    ['KITTEN', 'SITTING', 2, 3],
    ['KITTEN', 'SITTING', 3, 3],
    ['ABCDEFGH', 'HGFEDCBA', 2, 3],
    ['AB', 'ABCDE', 1, 2],
  ])('bounded distance(%s, %s) with limit %d is %d', (a, b, limit, expected) => {
    expect(boundedDamerauLevenshteinDistance(a, b, limit)).toBe(expected);
  });

  it('table, bounded table and bit vector agree with the textbook algorithm on seeded pairs', () => {
    const pattern = new EditDistancePattern();
    const disagreements = randomPairs(3000).filter(([a, b]) => {
      const expected = referenceDistance(a, b);
      return (
        damerauLevenshteinDistance(a, b) !== expected ||
        pattern.reset(a).distance(b) !== expected ||
        boundedDamerauLevenshteinDistance(a, b, 2) !== Math.min(expected, 3)
      );
    });
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['عبدالخالق', 'عبدالخالد', 1],
    ['X'.repeat(40), 'X'.repeat(38) + 'YZ', 2],
  ])('falls back to the table outside ASCII or beyond 32 characters: %s', (a, b, distance) => {
    expect(new EditDistancePattern().reset(a).distance(b)).toBe(distance);
    expect(new EditDistancePattern().reset(a).similarity(b)).toBeCloseTo(editSimilarity(a, b), 12);
  });

  it.each([
    ['SABER', 'SOBER', 0.8],
    ['CHINGHEITY', 'CHIGNHEITY', 0.9],
    ['ABC', 'ABC', 1],
    ['', '', 1],
  ])('editSimilarity(%s, %s) = %d', (a, b, expected) => {
    expect(editSimilarity(a, b)).toBeCloseTo(expected, 6);
  });

  it.each([
    ['MARTHA', 'MARHTA', 0.944, 0.961],
    ['DWAYNE', 'DUANE', 0.822, 0.84],
    ['DIXON', 'DICKSONX', 0.767, 0.813],
    ['ABC', 'XYZ', 0, 0],
  ])('Jaro / Jaro-Winkler(%s, %s)', (a, b, jaro, winkler) => {
    expect(jaroSimilarity(a, b)).toBeCloseTo(jaro, 3);
    expect(jaroWinklerSimilarity(a, b)).toBeCloseTo(winkler, 3);
  });
});

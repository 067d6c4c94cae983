import { damerauLevenshteinDistance, editSimilarity } from './edit-distance.similarity';
import { jaroSimilarity, jaroWinklerSimilarity } from './jaro-winkler.similarity';

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

import { deletionKeys, DeletionNeighbourhoodIndex } from './deletion-neighbourhood.index';

const keys = new Int32Array(64);

function keysOf(token: string): number[] {
  return [...keys.subarray(0, deletionKeys(token, keys))];
}

/** Token ids of every bucket the word's keys reach, in lookup order. */
function near(index: DeletionNeighbourhoodIndex, word: string): number[] {
  return keysOf(word).flatMap((key) => {
    const bucket = index.bucket(key);
    return bucket < 0 ? [] : [...index.tokenIds.subarray(index.bucketStart[bucket], index.bucketEnd[bucket])];
  });
}

describe('deletion neighbourhood', () => {
  it.each([
    ['HASAN', ['HASAN', 'ASAN', 'HSAN', 'HAAN', 'HASN', 'HASA']],
    ['AB', ['AB', 'B', 'A']],
    ['', ['']],
  ])('keys of %s are the hashes of the token and of each one-deletion copy', (token, copies) => {
    expect(keysOf(token)).toEqual(copies.map((copy) => keysOf(copy)[0]));
  });

  it('gives the same key to copies that delete either of two doubled letters', () => {
    const [, , second, third] = keysOf('ANNA');
    expect(second).toBe(third);
  });

  const tokens = ['HASAN', 'HUSAIN', 'KARIM', 'ANNA'];
  const pairs = tokens.flatMap((token, tokenId) => keysOf(token).map((key) => [key, tokenId] as const));
  const index = new DeletionNeighbourhoodIndex(
    pairs.map(([key]) => key),
    pairs.map(([, tokenId]) => tokenId),
  );

  it.each([
    ['HASAN', 0], // itself
    ['HASSAN', 0], // an insertion
    ['HSAN', 0], // a deletion
    ['HASIN', 0], // a substitution
    ['HSAAN', 0], // a transposition
    ['KARIN', 2],
    ['ANA', 3],
  ])('%s finds token %d', (query, tokenId) => {
    expect(near(index, query)).toContain(tokenId);
  });

  it.each(['ZZZZZ', 'HUSAM', 'KORYO'])('%s finds nothing within one edit', (query) => {
    expect(near(index, query)).toEqual([]);
  });

  it('stores a token once per bucket even when two of its deletions collide', () => {
    const anna = index.bucket(keysOf('ANA')[0] ?? 0);
    expect([...index.tokenIds.subarray(index.bucketStart[anna], index.bucketEnd[anna])]).toEqual([3]);
  });

  it('answers -1 for a key no token has', () => {
    expect(index.bucket(keysOf('QQQQQQ')[0] ?? 0)).toBe(-1);
  });
});

const HASH_BASE = 131;
const EMPTY = -1;

let hashPrefix = new Int32Array(64);

/**
 * Keys of the deletion neighbourhood, written to `keys` (which needs token.length + 1 slots): the
 * token itself at index 0, then every copy with one character removed, as 32-bit polynomial hashes
 * built from prefix and suffix hashes. Numbers instead of sliced strings keep a lookup
 * allocation-free; a rare collision only adds a candidate token that the similarity check rejects.
 */
export function deletionKeys(token: string, keys: Int32Array): number {
  const length = token.length;
  if (hashPrefix.length <= length) {
    hashPrefix = new Int32Array(2 * length + 2);
  }
  const prefix = hashPrefix;
  let hash = 0;
  for (let i = 0; i < length; i++) {
    prefix[i] = hash; // hash of token[0 .. i - 1]
    hash = (Math.imul(hash, HASH_BASE) + token.charCodeAt(i)) | 0;
  }
  keys[0] = hash;
  // Backwards: suffix = hash of token[i + 1 ..], power = HASH_BASE ** (length - 1 - i).
  let suffix = 0;
  let power = 1;
  for (let i = length - 1; i >= 0; i--) {
    keys[i + 1] = (Math.imul(prefix[i] ?? 0, power) + suffix) | 0;
    suffix = (Math.imul(token.charCodeAt(i), power) + suffix) | 0;
    power = Math.imul(power, HASH_BASE);
  }
  return length + 1;
}

function mix(key: number): number {
  // Fibonacci hashing spreads polynomial hashes whose low bits follow the last character.
  return Math.imul(key, 0x9e3779b1) >>> 0;
}

/** The key's two bits within its filter word, from hash bits the word index does not use. */
function filterBits(hash: number): number {
  return (1 << ((hash >>> 22) & 31)) | (1 << (hash >>> 27));
}

/**
 * Deletion key → list tokens, in flat typed arrays. Most lookups of a clean name miss, so a small
 * blocked Bloom filter (two bits in one 32-bit word per key, 16 bits per key, about 2% false
 * positives) answers them with one memory read; the table is open addressing with key and bucket
 * side by side, one cache line per probe.
 */
export class DeletionNeighbourhoodIndex {
  /** Token ids of bucket b: tokenIds[bucketStart[b]] .. tokenIds[bucketEnd[b] - 1]. */
  readonly tokenIds: Int32Array;
  readonly bucketStart: Int32Array;
  readonly bucketEnd: Int32Array;
  // slots[2s] = key, slots[2s + 1] = bucket or EMPTY.
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly filter: Int32Array;
  private readonly filterWordMask: number;

  /** keys[i] is a deletion key of a spelling of token tokenIds[i]; pairs in indexing order. */
  constructor(keys: readonly number[], tokenIds: readonly number[]) {
    let capacity = 16;
    while (capacity < 1.5 * keys.length) {
      capacity *= 2;
    }
    this.slotMask = capacity - 1;
    this.slots = new Int32Array(2 * capacity);
    for (let slot = 0; slot < capacity; slot++) {
      this.slots[2 * slot + 1] = EMPTY;
    }
    let filterWords = 32;
    while (32 * filterWords < 16 * keys.length) {
      filterWords *= 2;
    }
    this.filterWordMask = filterWords - 1;
    this.filter = new Int32Array(filterWords);
    // Pass 1: a bucket per distinct key, sized by its number of pairs.
    const pairBucket = new Int32Array(keys.length);
    const sizes: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? 0;
      const hash = mix(key);
      const word = hash & this.filterWordMask;
      this.filter[word] = (this.filter[word] ?? 0) | filterBits(hash);
      let slot = hash & this.slotMask;
      while (this.slots[2 * slot + 1] !== EMPTY && this.slots[2 * slot] !== key) {
        slot = (slot + 1) & this.slotMask;
      }
      let bucket = this.slots[2 * slot + 1] ?? EMPTY;
      if (bucket === EMPTY) {
        bucket = sizes.length;
        sizes.push(0);
        this.slots[2 * slot] = key;
        this.slots[2 * slot + 1] = bucket;
      }
      sizes[bucket] = (sizes[bucket] ?? 0) + 1;
      pairBucket[i] = bucket;
    }
    // Pass 2: fill; a token repeated back to back in a bucket (two spellings, or a doubled letter
    // deleted at either position) is stored once.
    this.bucketStart = new Int32Array(sizes.length);
    for (let b = 1; b < sizes.length; b++) {
      this.bucketStart[b] = (this.bucketStart[b - 1] ?? 0) + (sizes[b - 1] ?? 0);
    }
    this.bucketEnd = this.bucketStart.slice();
    this.tokenIds = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const bucket = pairBucket[i] ?? 0;
      const end = this.bucketEnd[bucket] ?? 0;
      const tokenId = tokenIds[i] ?? 0;
      if (end > (this.bucketStart[bucket] ?? 0) && this.tokenIds[end - 1] === tokenId) {
        continue;
      }
      this.tokenIds[end] = tokenId;
      this.bucketEnd[bucket] = end + 1;
    }
  }

  /** The bucket of a key, or -1 when no list token has it. */
  bucket(key: number): number {
    const hash = mix(key);
    const bits = filterBits(hash);
    if (((this.filter[hash & this.filterWordMask] ?? 0) & bits) !== bits) {
      return EMPTY;
    }
    let slot = hash & this.slotMask;
    for (;;) {
      const bucket = this.slots[2 * slot + 1] ?? EMPTY;
      if (bucket === EMPTY || this.slots[2 * slot] === key) {
        return bucket;
      }
      slot = (slot + 1) & this.slotMask;
    }
  }
}

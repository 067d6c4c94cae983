/**
 * "Was this key offered recently?", in a fixed bit set: two bits in one 32-bit word per key
 * (FNV-1a hash), cleared after `window` offers so the answer stays about recent traffic. A false
 * "yes" (about 2% when full) only admits a key to a cache one sighting early.
 *
 * Used as the doorkeeper of the screening caches (as in TinyLFU): a name or token goes into the
 * cache on its second sighting, so a stream of names that never repeat costs a hash, not a cache
 * entry that the garbage collector must then promote and later reclaim.
 */
export class SeenBeforeFilter {
  private readonly words: Int32Array;
  private readonly wordMask: number;
  private offers = 0;

  constructor(readonly window: number) {
    if (!Number.isInteger(window) || window < 1) {
      throw new RangeError(`filter window must be a positive integer, got ${window}`);
    }
    let words = 32;
    while (32 * words < 16 * window) {
      words *= 2;
    }
    this.words = new Int32Array(words);
    this.wordMask = words - 1;
  }

  /** True when the key was offered since the last clear; records it either way. */
  offer(key: string): boolean {
    if (this.offers >= this.window) {
      this.words.fill(0);
      this.offers = 0;
    }
    this.offers++;
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    }
    const word = hash & this.wordMask;
    const bits = (1 << ((hash >>> 22) & 31)) | (1 << (hash >>> 27));
    const held = this.words[word] ?? 0;
    this.words[word] = held | bits;
    return (held & bits) === bits;
  }
}

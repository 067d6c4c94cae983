/**
 * A bounded cache that keeps recently used entries: two generations of at most capacity / 2
 * entries each. New and re-used entries go to the young generation; when it is full the old one is
 * dropped and the young one becomes old. An entry used at least once per half-capacity insertions
 * stays, like in an LRU cache, and every operation is O(1). (A Map re-inserted on every hit and
 * evicted from its front is not: V8 leaves deleted slots at the front for the next lookup of the
 * oldest key to skip, which made screening a stream of distinct names several times slower.)
 * Capacity 0 disables the cache.
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`cache capacity must be a non-negative integer, got ${capacity}`);
    }
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  /** Entries held, at most `capacity`. */
  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined || this.old.size === 0) {
      return value;
    }
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.insertYoung(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    if (this.capacity === 0) {
      return;
    }
    this.old.delete(key);
    this.insertYoung(key, value);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  private insertYoung(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.generation) {
      this.old = this.capacity > 1 ? this.young : new Map<K, V>();
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

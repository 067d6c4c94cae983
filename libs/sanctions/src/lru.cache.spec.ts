import { LruCache } from './lru.cache';

describe('LruCache', () => {
  it('evicts the least recently used entry once full', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('replaces the value of a key already held without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.get('a')).toBe(2);
    expect(cache.size).toBe(1);
  });

  it.each([1, 2, 3, 10])('never holds more than its capacity %d', (capacity) => {
    const cache = new LruCache<number, number>(capacity);
    for (let key = 0; key < 5 * capacity; key++) {
      cache.set(key, key);
      cache.get(key - 1);
      expect(cache.size).toBeLessThanOrEqual(capacity);
    }
    expect(cache.get(5 * capacity - 1)).toBe(5 * capacity - 1);
  });

  it('keeps an entry used often while many others pass through', () => {
    const cache = new LruCache<string, number>(100);
    cache.set('frequent', 1);
    for (let i = 0; i < 1000; i++) {
      cache.set(`once-${i}`, i);
      if (i % 10 === 0) {
        expect(cache.get('frequent')).toBe(1);
      }
    }
  });

  it('holds nothing with capacity 0', () => {
    const cache = new LruCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('empties on clear', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
  });

  it.each([-1, 1.5, Number.NaN])('refuses capacity %p', (capacity) => {
    expect(() => new LruCache(capacity)).toThrow(RangeError);
  });
});

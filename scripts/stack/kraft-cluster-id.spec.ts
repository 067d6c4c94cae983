import { kraftClusterId } from './kraft-cluster-id';

describe('kraftClusterId', () => {
  it('is 22 characters of URL-safe base64 from 16 random bytes', () => {
    expect(kraftClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it("draws again when the id would start with '-', which kafka-storage would read as a flag", () => {
    // 0xf8 as the first byte encodes to '-' in URL-safe base64.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x10)];
    const ids: string[] = [];
    const id = kraftClusterId(() => {
      const next = draws.shift() ?? Buffer.alloc(16);
      ids.push(next.toString('base64url'));
      return next;
    });

    expect(ids[0]?.startsWith('-')).toBe(true);
    expect(id).toBe(ids[1]);
    expect(id.startsWith('-')).toBe(false);
  });
});

import {
  AuditChainVerifier,
  canonicalJson,
  type ChainedAuditEntry,
  GENESIS_HASH,
  hashAuditEntry,
  toAuditJson,
} from './audit-chain';

function chain(count: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let index = 1; index <= count; index += 1) {
    const content = {
      entryId: `00000000-0000-4000-8000-00000000000${index}`,
      occurredAt: `2026-03-04T10:0${index}:00.000Z`,
      actor: { kind: 'USER' as const, id: 'u1', name: 'Officer One' },
      action: 'hold.claimed',
      targetType: 'hold',
      targetId: `MAEU${index}`,
      before: { status: 'OPEN' },
      after: { status: 'CLAIMED', assignee: { id: 'u1' } },
      detail: null,
    };
    const hash = hashAuditEntry(prevHash, content);
    entries.push({ ...content, id: String(index), prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

function verify(entries: ChainedAuditEntry[]): string | null {
  const verifier = new AuditChainVerifier();
  entries.forEach((entry) => verifier.accept(entry));
  return verifier.firstBrokenEntryId;
}

describe('audit chain', () => {
  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });

  it('gives the same hash whatever the key order', () => {
    const [entry] = chain(1);
    const reordered = JSON.parse(
      JSON.stringify({ ...entry, after: { assignee: { id: 'u1' }, status: 'CLAIMED' } }),
    ) as ChainedAuditEntry;
    expect(hashAuditEntry(GENESIS_HASH, reordered)).toBe(entry?.hash);
  });

  it('strips NUL characters and turns dates into ISO text, as jsonb stores them', () => {
    expect(toAuditJson({ text: 'a\u0000b', at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toEqual({
      text: 'ab',
      at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('accepts an intact chain', () => {
    expect(verify(chain(4))).toBeNull();
  });

  it.each([
    [
      'a changed field',
      (entries: ChainedAuditEntry[]) => ({ ...entries[1]!, after: { status: 'RELEASED' } }),
      '2',
    ],
    [
      'a changed actor',
      (entries: ChainedAuditEntry[]) => ({ ...entries[1]!, actor: { kind: 'SYSTEM', id: null, name: 'x' } }),
      '2',
    ],
    ['a rewritten hash', (entries: ChainedAuditEntry[]) => ({ ...entries[1]!, hash: 'f'.repeat(64) }), '2'],
  ] as const)('names the first broken entry after %s', (_name, tamper, expected) => {
    const entries = chain(4);
    entries[1] = tamper(entries) as ChainedAuditEntry;
    expect(verify(entries)).toBe(expected);
  });

  it('names the entry after a deleted one', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verify(entries)).toBe('3');
  });

  it('names the entry after one re-hashed to hide a change', () => {
    const entries = chain(4);
    const changed = { ...entries[1]!, after: { status: 'RELEASED' } };
    entries[1] = { ...changed, hash: hashAuditEntry(changed.prevHash, changed) };
    expect(verify(entries)).toBe('3');
  });
});

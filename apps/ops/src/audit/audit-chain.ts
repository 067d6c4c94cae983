import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActorKind = 'USER' | 'SERVICE' | 'SYSTEM';

export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  name: string;
}

/** What gets hashed: everything about the entry except its position and its own hash. */
export interface AuditEntryContent {
  entryId: string;
  occurredAt: string;
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  /** Position in the log (bigint as text). */
  id: string;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Makes a value what PostgreSQL's jsonb will give back: plain JSON (dates as ISO text), and no NUL
 * characters, which jsonb and text columns refuse. Hashing this form keeps stored and hashed alike.
 */
export function toAuditJson(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? stripNul(item) : item,
  ) as unknown;
}

export function stripNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

export function hashAuditEntry(prevHash: string, content: AuditEntryContent): string {
  const canonical = canonicalJson({
    entryId: content.entryId,
    occurredAt: content.occurredAt,
    actor: content.actor,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    before: content.before ?? null,
    after: content.after ?? null,
    detail: content.detail ?? null,
  });
  return createHash('sha256').update(prevHash, 'utf8').update(canonical, 'utf8').digest('hex');
}

/** Checks links and hashes in order; returns the id of the first entry that does not hold, if any. */
export class AuditChainVerifier {
  private expectedPrev: string;
  private brokenAt: string | null = null;
  checked = 0;

  constructor(startHash: string = GENESIS_HASH) {
    this.expectedPrev = startHash;
  }

  get firstBrokenEntryId(): string | null {
    return this.brokenAt;
  }

  /** Feeds the next entry; false once the chain is broken (later entries are not checked). */
  accept(entry: ChainedAuditEntry): boolean {
    if (this.brokenAt !== null) {
      return false;
    }
    this.checked += 1;
    const linked = entry.prevHash === this.expectedPrev;
    const intact = hashAuditEntry(entry.prevHash, entry) === entry.hash;
    if (!linked || !intact) {
      this.brokenAt = entry.id;
      return false;
    }
    this.expectedPrev = entry.hash;
    return true;
  }
}

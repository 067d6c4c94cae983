import { type SeenEventFingerprint, type SeenEventKey, seenEventKeyText } from './seen-event.store';

/** An event as deduplication sees it: its identity and the fingerprint of its content. */
export interface Fingerprinted {
  key: SeenEventKey;
  keyText: string;
  contentSha256: string;
}

export interface RedeliveryVerdict<T extends Fingerprinted> {
  /** New events, updates, amendments and retractions, in input order. */
  forward: T[];
  /** Same content as the latest version already forwarded (or earlier in this chunk). */
  duplicates: T[];
  /** The latest fingerprint per key after this chunk, one per key, ordered by key (a stable lock order). */
  latest: SeenEventFingerprint[];
}

/**
 * Drops what was already forwarded with the same content; everything else goes on and becomes the
 * latest version. Compares with the latest version only, so content that changes back (an amendment
 * undone) is forwarded again.
 */
export function filterRedeliveries<T extends Fingerprinted>(
  events: readonly T[],
  known: readonly SeenEventFingerprint[],
): RedeliveryVerdict<T> {
  const latest = new Map<string, SeenEventFingerprint>();
  for (const fingerprint of known) {
    latest.set(seenEventKeyText(fingerprint), fingerprint);
  }
  const touched = new Map<string, SeenEventFingerprint>();
  const forward: T[] = [];
  const duplicates: T[] = [];
  for (const candidate of events) {
    const previous = latest.get(candidate.keyText);
    if (previous?.contentSha256 === candidate.contentSha256) {
      duplicates.push(candidate);
      // Still remembered, so that last_seen_at shows the port is still sending it.
      touched.set(candidate.keyText, previous);
      continue;
    }
    const current = { ...candidate.key, contentSha256: candidate.contentSha256 };
    latest.set(candidate.keyText, current);
    touched.set(candidate.keyText, current);
    forward.push(candidate);
  }
  const ordered = [...touched.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, fingerprint]) => fingerprint);
  return { forward, duplicates, latest: ordered };
}

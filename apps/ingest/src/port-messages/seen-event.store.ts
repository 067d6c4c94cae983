import type { CanonicalEvent } from '@chokepoint/contracts';

export type SeenEventKind = CanonicalEvent['kind'];

/**
 * Identity of a source event for redelivery detection: a movement by its originating party and event
 * id (as DCSA defines it), a manifest by its transport document reference (the consignment id).
 */
export interface SeenEventKey {
  eventKind: SeenEventKind;
  originatingParty: string;
  eventId: string;
}

export interface SeenEventFingerprint extends SeenEventKey {
  /** SHA-256 (hex) of the canonical content, without where or when the record was received. */
  contentSha256: string;
}

/** Manifests have no originating party: the consignment id alone names them. */
const MANIFEST_PARTY = '';

export function seenEventKeyOf(event: CanonicalEvent): SeenEventKey {
  return event.kind === 'MANIFEST'
    ? { eventKind: 'MANIFEST', originatingParty: MANIFEST_PARTY, eventId: event.transportDocumentReference }
    : { eventKind: 'MOVEMENT', originatingParty: event.originatingParty, eventId: event.eventId };
}

/** One string per key, for maps and for a stable order of database writes. */
export function seenEventKeyText(key: SeenEventKey): string {
  return `${key.eventKind}\u0000${key.originatingParty}\u0000${key.eventId}`;
}

/** The latest content ingest forwarded for each source event. */
export abstract class SeenEventStore {
  /** Fingerprints already recorded for these keys, in one round trip; unknown keys are left out. */
  abstract findLatest(keys: readonly SeenEventKey[]): Promise<SeenEventFingerprint[]>;

  /** Records these as the latest forwarded content, in one round trip; keys must be distinct. */
  abstract remember(fingerprints: readonly SeenEventFingerprint[]): Promise<void>;

  /**
   * Records these as remember does, while `publish` runs, and keeps them only once it resolved: the
   * write runs beside the publishing and commits after it, and is undone if publishing fails (or the
   * process dies first), so a crash in between republishes rather than loses. Rejects with publishing's
   * error if it failed, else with the write's.
   */
  abstract rememberAlongside(
    fingerprints: readonly SeenEventFingerprint[],
    publish: () => Promise<void>,
  ): Promise<void>;

  /** Removes up to `limit` fingerprints last forwarded before `cutoff`, oldest first; returns how many. */
  abstract forgetOlderThan(cutoff: Date, limit: number): Promise<number>;
}

import type { CanonicalEvent } from '@chokepoint/contracts';
import { canonicalEventKey } from './canonical-event-key';
import { contentJson } from './content-fingerprint';

export const CANONICAL_EVENT_HEADERS = {
  kind: 'chokepoint-event-kind',
  schemaVersion: 'chokepoint-schema-version',
} as const;

/** A canonical event as it goes onto the canonical topic. */
export interface CanonicalMessage {
  key: string;
  /** JSON of the ConsignmentManifest or MovementEvent; UTF-8 bytes when it comes from a worker thread. */
  value: string | Buffer;
  headers: Record<string, string>;
}

/**
 * `content` is the event's contentJson, usually already computed for its fingerprint: the value is that
 * JSON with the arrival fields (source, a manifest's receivedAt) put back in front, which saves a second
 * JSON.stringify of the whole event. Readers parse it, so the order of keys carries no meaning.
 */
export function toCanonicalMessage(
  event: CanonicalEvent,
  content: string = contentJson(event),
): CanonicalMessage & { value: string } {
  const arrival = JSON.stringify(
    event.kind === 'MANIFEST'
      ? { source: event.source, receivedAt: event.receivedAt }
      : { source: event.source },
  ).slice(1, -1);
  const value =
    arrival.length === 0 ? content : content === '{}' ? `{${arrival}}` : `{${arrival},${content.slice(1)}`;
  return {
    key: canonicalEventKey(event),
    value,
    headers: canonicalHeaders(event.kind, String(event.schemaVersion)),
  };
}

export function canonicalHeaders(
  kind: CanonicalEvent['kind'],
  schemaVersion: string,
): Record<string, string> {
  return { [CANONICAL_EVENT_HEADERS.kind]: kind, [CANONICAL_EVENT_HEADERS.schemaVersion]: schemaVersion };
}

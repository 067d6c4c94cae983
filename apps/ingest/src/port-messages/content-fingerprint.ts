import { createHash } from 'node:crypto';
import type { CanonicalEvent } from '@chokepoint/contracts';

/** JSON with object keys sorted, so that the same content always gives the same bytes. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => stableJson(item)).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of what a message says, leaving out where and when this copy was received (source position,
 * and a manifest's record timestamp): a redelivery or a resend by the port gives the same fingerprint,
 * an update (TNT 3.0 eventUpdatedDateTime), an amendment or a retraction gives a new one.
 */
export function contentFingerprint(event: CanonicalEvent): string {
  const content: Record<string, unknown> = { ...event, source: undefined };
  if (event.kind === 'MANIFEST') {
    content.receivedAt = undefined;
  }
  return createHash('sha256').update(stableJson(content)).digest('hex');
}

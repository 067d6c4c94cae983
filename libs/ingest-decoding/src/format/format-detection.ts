import type { RejectionError } from '@chokepoint/contracts';
import { MESSAGE_FORMATS, type MessageFormat } from '../decoders/decoder.types';
import { REJECTION_CODES } from '../rejection-codes';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Format stated by a content-type header such as `application/vnd.dcsa.tnt+json;version=2.2.0`.
 * undefined: the header says nothing DCSA-specific, so the shape decides.
 */
export function formatFromContentType(
  contentType: string | undefined,
): MessageFormat | RejectionError | undefined {
  if (!contentType) {
    return undefined;
  }
  const match = /vnd\.dcsa\.(ebl|tnt)(?:\.[\w-]+)?\+json/i.exec(contentType);
  if (!match) {
    return undefined;
  }
  const standard = (match[1] ?? '').toLowerCase();
  const version = /version\s*=\s*"?([\w.-]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  if (standard === 'ebl' && (version === undefined || version === '3.0.0')) {
    return MESSAGE_FORMATS.eblTransportDocument300;
  }
  if (standard === 'tnt' && version === '2.2.0') {
    return MESSAGE_FORMATS.tnt220;
  }
  if (standard === 'tnt' && version === '3.0.0') {
    return MESSAGE_FORMATS.tnt300;
  }
  if (standard === 'tnt' && version === '3.0.0-beta-1') {
    return MESSAGE_FORMATS.tnt300Beta1;
  }
  return {
    path: '',
    code: REJECTION_CODES.formatUnsupported,
    message: `content-type "${contentType}" names a DCSA ${standard.toUpperCase()} version this ingest does not decode`,
  };
}

/** TNT version from the event's shape (a content-type header, when present, wins). */
export function detectTntFormat(event: Record<string, unknown>): MessageFormat | undefined {
  if (isObject(event.metadata)) {
    return MESSAGE_FORMATS.tnt300Beta1;
  }
  if (isObject(event.eventClassification) || 'eventRouting' in event) {
    return MESSAGE_FORMATS.tnt300;
  }
  if ('eventType' in event && 'eventClassifierCode' in event) {
    return MESSAGE_FORMATS.tnt220;
  }
  return undefined;
}

const TRANSPORT_DOCUMENT_KEYS = [
  'transportDocumentReference',
  'consignmentItems',
  'documentParties',
  'transports',
];

export function looksLikeTransportDocument(message: Record<string, unknown>): boolean {
  return TRANSPORT_DOCUMENT_KEYS.some((key) => key in message);
}

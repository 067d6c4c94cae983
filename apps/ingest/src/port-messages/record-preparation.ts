import type { CanonicalEvent } from '@chokepoint/contracts';
import {
  type DecodeOptions,
  decodeRecord,
  type IngestRecord,
  type RecordRejection,
} from '@chokepoint/ingest-decoding';
import { defaultReferenceData } from '@chokepoint/reference-data';
import { type CanonicalMessage, toCanonicalMessage } from './canonical-message';
import { contentJson, fingerprintOf } from './content-fingerprint';
import { type SeenEventKey, seenEventKeyOf, seenEventKeyText } from './seen-event.store';

/** A decoded event with what deduplication and publishing need, and nothing that must be computed twice. */
export interface PreparedEvent {
  kind: CanonicalEvent['kind'];
  key: SeenEventKey;
  keyText: string;
  contentSha256: string;
  message: CanonicalMessage;
}

/** One record's events, ready to deduplicate and publish, and the rejections of what did not decode. */
export interface PreparedRecord {
  events: PreparedEvent[];
  rejections: RecordRejection[];
}

export function prepareEvent(event: CanonicalEvent): PreparedEvent {
  const content = contentJson(event);
  const key = seenEventKeyOf(event);
  return {
    kind: event.kind,
    key,
    keyText: seenEventKeyText(key),
    contentSha256: fingerprintOf(content),
    message: toCanonicalMessage(event, content),
  };
}

/**
 * The CPU-bound part of ingesting a record: decode and validate, fingerprint and serialise. Pure, and
 * plain data in and out, so that it runs in a worker thread as well as in the main one.
 */
export function prepareRecord(record: IngestRecord, options: DecodeOptions): PreparedRecord {
  const { events, rejections } = decodeRecord(record, options);
  return { events: events.map(prepareEvent), rejections };
}

/** What decoding needs from the settings; plain data, so that a worker thread can be given it. */
export interface PreparationSettings {
  manifestsTopic: string;
  movementsTopic: string;
  defaultOriginatingParty: string;
}

/**
 * Decode options with the reference data loaded now (it loads lazily) rather than in the first chunk,
 * and a line that says what was loaded.
 */
export function loadDecodeOptions(settings: PreparationSettings): { options: DecodeOptions; loaded: string } {
  const referenceData = defaultReferenceData();
  return {
    options: {
      manifestsTopic: settings.manifestsTopic,
      movementsTopic: settings.movementsTopic,
      defaultOriginatingParty: settings.defaultOriginatingParty,
      referenceData,
      // Events are fingerprinted and published as JSON, never handed on as objects.
      serialiseOnly: true,
    },
    loaded:
      `reference data: ${referenceData.unLocodes.size} UN/LOCODEs, ${referenceData.countries.size} countries, ` +
      `${referenceData.hsNomenclature.size} HS codes, ${referenceData.maritimeIdentificationDigits.size} MIDs`,
  };
}

import { type CanonicalEvent, type MovementEvent, type RejectionError, Topics } from '@chokepoint/contracts';
import { defaultReferenceData, type ReferenceData } from '@chokepoint/reference-data';
import {
  MESSAGE_FORMATS,
  type DecodeOutcome,
  type DecoderInput,
  type MessageFormat,
} from './decoders/decoder.types';
import { decodeEbl300TransportDocument } from './decoders/ebl-3-0-0.decoder';
import { decodeTnt220Event } from './decoders/tnt-2-2-0.decoder';
import { decodeTnt300Beta1Event } from './decoders/tnt-3-0-0-beta-1.decoder';
import { decodeTnt300Event } from './decoders/tnt-3-0-0.decoder';
import {
  detectTntFormat,
  formatFromContentType,
  looksLikeTransportDocument,
} from './format/format-detection';
import { guardRawRecord } from './record/raw-record.guard';
import { headerText, type RecordHeaders } from './record/record-headers';
import { REJECTION_CODES } from './rejection-codes';
import { canonicalEventErrors } from './validation/canonical-validation';
import type { SourceValidator } from './validation/source-validation';

export interface IngestRecord {
  topic: string;
  partition?: number;
  offset?: string;
  key?: Buffer | string | null;
  value: Buffer | null;
  headers?: RecordHeaders;
  /** Kafka record timestamp: epoch milliseconds as kafkajs gives it, or ISO-8601. */
  timestamp: string;
}

export interface DecodeOptions {
  maxBytes?: number;
  maxDepth?: number;
  referenceData?: ReferenceData;
  /** originatingParty when neither the format nor an `originating-party` header names one. */
  defaultOriginatingParty?: string;
  /** Topic names, when a deployment renames them. */
  manifestsTopic?: string;
  movementsTopic?: string;
  /** Compiled class-validator decorators (default) or class-validator itself, the reference. */
  sourceValidator?: SourceValidator;
  /**
   * The caller only serialises the events (as ingest does, to publish them): they may keep undefined
   * members, which JSON leaves out, sparing a deep copy of each event. Their JSON is the same.
   */
  serialiseOnly?: boolean;
}

export interface RecordRejection {
  /** Index in a TNT 3.0 push body `{"events": [...]}`; absent when the whole record is rejected. */
  eventIndex?: number;
  errors: RejectionError[];
}

export interface DecodeResult {
  events: CanonicalEvent[];
  rejections: RecordRejection[];
}

const MOVEMENT_DECODERS: Record<
  Exclude<MessageFormat, typeof MESSAGE_FORMATS.eblTransportDocument300>,
  (input: DecoderInput, pathPrefix?: string) => DecodeOutcome<MovementEvent>
> = {
  [MESSAGE_FORMATS.tnt220]: decodeTnt220Event,
  [MESSAGE_FORMATS.tnt300]: decodeTnt300Event,
  [MESSAGE_FORMATS.tnt300Beta1]: decodeTnt300Beta1Event,
};

const rejected = (error: RejectionError, eventIndex?: number): DecodeResult => ({
  events: [],
  rejections: [eventIndex === undefined ? { errors: [error] } : { eventIndex, errors: [error] }],
});

// Records of one batch mostly share their millisecond: remember the last conversion.
let lastTimestamp: { timestamp: string; iso: string | undefined } = { timestamp: '', iso: undefined };

function toIsoTimestamp(timestamp: string): string | undefined {
  if (timestamp === lastTimestamp.timestamp) {
    return lastTimestamp.iso;
  }
  const date = /^\d+$/.test(timestamp) ? new Date(Number(timestamp)) : new Date(timestamp);
  const iso = Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  lastTimestamp = { timestamp, iso };
  return iso;
}

/** Field by field rather than a spread: this runs once per event. */
function withMessage(base: Omit<DecoderInput, 'message'>, message: Record<string, unknown>): DecoderInput {
  return {
    message,
    topic: base.topic,
    partition: base.partition,
    offset: base.offset,
    receivedAt: base.receivedAt,
    originatingParty: base.originatingParty,
    referenceData: base.referenceData,
    sourceValidator: base.sourceValidator,
    serialiseOnly: base.serialiseOnly,
  };
}

/** A decoded event must also satisfy the canonical classes: what screening reads is what ingest checked. */
function fromOutcome(
  outcome: DecodeOutcome,
  validator: SourceValidator | undefined,
  eventIndex?: number,
): DecodeResult {
  const errors = outcome.ok
    ? canonicalEventErrors(outcome.event, eventIndex === undefined ? '' : `events[${eventIndex}]`, validator)
    : outcome.errors;
  if (outcome.ok && errors.length === 0) {
    return { events: [outcome.event], rejections: [] };
  }
  return {
    events: [],
    rejections: [eventIndex === undefined ? { errors } : { eventIndex, errors }],
  };
}

function decodeMovement(
  base: Omit<DecoderInput, 'message'>,
  message: unknown,
  stated: MessageFormat | undefined,
  eventIndex?: number,
): DecodeResult {
  const pathPrefix = eventIndex === undefined ? '' : `events[${eventIndex}]`;
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return rejected(
      {
        path: pathPrefix,
        code: REJECTION_CODES.eventNotObject,
        message: `${pathPrefix || 'record'}: an event must be a JSON object`,
      },
      eventIndex,
    );
  }
  const event = message as Record<string, unknown>;
  const format = stated ?? detectTntFormat(event);
  if (format === undefined || format === MESSAGE_FORMATS.eblTransportDocument300) {
    return rejected(
      {
        path: pathPrefix,
        code: REJECTION_CODES.formatUnknown,
        message: `${pathPrefix || 'record'}: not a DCSA TNT 2.2, 3.0.0 or 3.0.0-Beta-1 event (no eventType+eventClassifierCode, eventClassification or metadata)`,
      },
      eventIndex,
    );
  }
  return fromOutcome(
    MOVEMENT_DECODERS[format](withMessage(base, event), pathPrefix),
    base.sourceValidator,
    eventIndex,
  );
}

/**
 * One Kafka record → canonical events and rejections. Pure: no clock, no I/O beyond the reference data
 * (loaded once). A push body yields one result per event; every other record yields exactly one.
 */
export function decodeRecord(record: IngestRecord, options: DecodeOptions = {}): DecodeResult {
  const manifestsTopic = options.manifestsTopic ?? Topics.portManifests;
  const movementsTopic = options.movementsTopic ?? Topics.portMovements;
  if (record.topic !== manifestsTopic && record.topic !== movementsTopic) {
    return rejected({
      path: '',
      code: REJECTION_CODES.topicUnknown,
      message: `no decoder for topic ${record.topic}`,
    });
  }
  const guarded = guardRawRecord(record.value, options);
  if (!guarded.ok) {
    return rejected(guarded.error);
  }
  const receivedAt = toIsoTimestamp(record.timestamp);
  if (receivedAt === undefined) {
    return rejected({
      path: '',
      code: REJECTION_CODES.fieldFormat,
      message: `record timestamp "${record.timestamp}" is not a time`,
    });
  }
  const stated = formatFromContentType(headerText(record.headers, 'content-type'));
  if (stated !== undefined && typeof stated !== 'string') {
    return rejected(stated);
  }
  const base: Omit<DecoderInput, 'message'> = {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    receivedAt,
    originatingParty:
      headerText(record.headers, 'originating-party') ?? options.defaultOriginatingParty ?? 'UNKNOWN',
    referenceData: options.referenceData ?? defaultReferenceData(),
    sourceValidator: options.sourceValidator,
    serialiseOnly: options.serialiseOnly,
  };
  const message = guarded.message;
  if (record.topic === manifestsTopic) {
    if (stated !== undefined && stated !== MESSAGE_FORMATS.eblTransportDocument300) {
      return rejected({
        path: '',
        code: REJECTION_CODES.formatUnsupported,
        message: `${stated} is not a manifest format`,
      });
    }
    if (stated === undefined && !looksLikeTransportDocument(message)) {
      return rejected({
        path: '',
        code: REJECTION_CODES.formatUnknown,
        message:
          'not a DCSA eBL 3.0 Transport Document (no transportDocumentReference, consignmentItems, documentParties or transports)',
      });
    }
    return fromOutcome(decodeEbl300TransportDocument(withMessage(base, message)), base.sourceValidator);
  }
  if (stated === MESSAGE_FORMATS.eblTransportDocument300) {
    return rejected({
      path: '',
      code: REJECTION_CODES.formatUnsupported,
      message: 'a Transport Document does not belong on the movements topic',
    });
  }
  if ('events' in message && !('eventID' in message) && !('metadata' in message)) {
    const events = message.events;
    if (!Array.isArray(events)) {
      return rejected({
        path: 'events',
        code: REJECTION_CODES.fieldType,
        message: 'events: must be an array of events',
      });
    }
    if (events.length === 0) {
      return rejected({
        path: 'events',
        code: REJECTION_CODES.eventsEmpty,
        message: 'events: the push body holds no events',
      });
    }
    const results = events.map((event: unknown, i) => decodeMovement(base, event, stated, i));
    return {
      events: results.flatMap((r) => r.events),
      rejections: results.flatMap((r) => r.rejections),
    };
  }
  return decodeMovement(base, message, stated);
}

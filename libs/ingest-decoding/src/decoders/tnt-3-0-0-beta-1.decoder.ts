import type { CanonicalLocation, DocumentReference, MovementEvent } from '@chokepoint/contracts';
import { CANONICAL_MOVEMENT_VERSION } from '@chokepoint/contracts';
import { DecodingContext, finishedEvent } from '../enrichment/decoding-context';
import { validateSource } from '../validation/source-validation';
import { MESSAGE_FORMATS, type DecodeOutcome, type DecoderInput } from './decoder.types';
import { eventCodeField, missingEventCode } from './event-code-check';
import {
  asKind,
  asMode,
  equipmentCheckDigit,
  sourcePosition,
  RETRACT_EVENT_CODE,
  seals,
  uniqueDocumentReferences,
} from './movement-building';
import type { LocationDto } from './shared-source.dto';
import { type Beta1PayloadDto, Beta1EventDto } from './tnt-3-0-0-beta-1.dto';

function eventCode(eventType: string, payload: Beta1PayloadDto): string | undefined {
  switch (eventType) {
    case 'TRANSPORT':
      return payload.transportEventTypeCode;
    case 'SHIPMENT':
      return payload.shipmentEventTypeCode;
    default:
      return payload.equipmentEventTypeCode;
  }
}

function location(
  ctx: DecodingContext,
  source: LocationDto | undefined,
  path: string,
): CanonicalLocation | undefined {
  if (!source) {
    return undefined;
  }
  return ctx.location(
    {
      unLocode: source.UNLocationCode,
      name: source.locationName ?? source.facility?.facilityName,
      countryCode: source.address?.countryCode,
      facilityCode: source.facility?.facilityCode,
      facilityCodeListProvider: source.facility?.facilityCodeListProvider,
    },
    path,
  );
}

/**
 * DCSA TNT 3.0.0-Beta-1 event → MovementEvent. A retraction (metadata.retractedEventID, no payload)
 * becomes RETRACT of that id, with eventCode RETRACT, classifier ACT and its creation time as event time.
 */
export function decodeTnt300Beta1Event(input: DecoderInput, pathPrefix = ''): DecodeOutcome<MovementEvent> {
  const validated = validateSource(Beta1EventDto, input.message, pathPrefix, input.sourceValidator);
  if (!validated.ok) {
    return validated;
  }
  const { metadata, payload } = validated.value;
  const p = (field: string): string => (pathPrefix ? `${pathPrefix}.${field}` : field);
  const ctx = new DecodingContext(input.referenceData);
  const originatingParty =
    metadata.publisher?.carrierCode ?? metadata.publisher?.partyName ?? input.originatingParty;
  if (metadata.retractedEventID !== undefined) {
    const retraction: MovementEvent = {
      schemaVersion: CANONICAL_MOVEMENT_VERSION,
      kind: 'MOVEMENT',
      source: sourcePosition(input, MESSAGE_FORMATS.tnt300Beta1),
      anomalies: ctx.anomalies,
      eventId: metadata.retractedEventID,
      originatingParty,
      action: 'RETRACT',
      eventKind: asKind(metadata.eventType),
      eventCode: RETRACT_EVENT_CODE,
      classifier: 'ACT',
      eventDateTime: metadata.eventCreatedDateTime,
      eventCreatedDateTime: metadata.eventCreatedDateTime,
      seals: [],
      documentReferences: [],
    };
    return { ok: true, event: finishedEvent(input, retraction) };
  }
  if (!payload) {
    return { ok: false, errors: [] };
  }
  const code = eventCode(metadata.eventType, payload);
  if (code === undefined) {
    return {
      ok: false,
      errors: [missingEventCode(p(`payload.${eventCodeField(metadata.eventType)}`), metadata.eventType)],
    };
  }
  const call = payload.transportCall;
  const documentReferences: DocumentReference[] = (payload.relatedDocumentReferences ?? []).map((r) => ({
    type: r.type,
    value: r.value,
  }));
  if (payload.documentTypeCode !== undefined && payload.documentReference !== undefined) {
    documentReferences.unshift({ type: payload.documentTypeCode, value: payload.documentReference });
  }
  const event: MovementEvent = {
    schemaVersion: CANONICAL_MOVEMENT_VERSION,
    kind: 'MOVEMENT',
    source: sourcePosition(input, MESSAGE_FORMATS.tnt300Beta1),
    anomalies: ctx.anomalies,
    eventId: metadata.eventID,
    originatingParty,
    action: 'UPSERT',
    eventKind: asKind(metadata.eventType),
    eventCode: code,
    classifier: payload.eventClassifierCode as MovementEvent['classifier'],
    eventDateTime: payload.eventDateTime,
    eventCreatedDateTime: metadata.eventCreatedDateTime,
    location: payload.eventLocation
      ? location(ctx, payload.eventLocation, p('payload.eventLocation'))
      : location(ctx, call?.location, p('payload.transportCall.location')),
    equipmentReference: payload.equipmentReference,
    equipmentReferenceCheckDigitValid: equipmentCheckDigit(
      ctx,
      payload.equipmentReference,
      p('payload.equipmentReference'),
    ),
    isoEquipmentCode: payload.ISOEquipmentCode,
    emptyIndicator: payload.emptyIndicatorCode as MovementEvent['emptyIndicator'],
    isTransshipmentMove: payload.isTransshipmentMove,
    modeOfTransport: asMode(call?.modeOfTransport),
    seals: seals(payload.seals),
    vessel: call?.vessel
      ? ctx.vessel(
          {
            imoNumber: call.vessel.vesselIMONumber,
            name: call.vessel.name,
            flag: call.vessel.flag,
            voyageNumber: call.carrierExportVoyageNumber,
          },
          p('payload.transportCall.vessel'),
        )
      : undefined,
    documentReferences: uniqueDocumentReferences(documentReferences),
  };
  return { ok: true, event: finishedEvent(input, event) };
}

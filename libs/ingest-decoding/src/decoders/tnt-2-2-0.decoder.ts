import type { DocumentReference, MovementEvent } from '@chokepoint/contracts';
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
  uniqueDocumentReferences,
} from './movement-building';
import { Tnt220EventDto } from './tnt-2-2-0.dto';

function eventCode(e: Tnt220EventDto): string | undefined {
  switch (e.eventType) {
    case 'TRANSPORT':
      return e.transportEventTypeCode;
    case 'SHIPMENT':
      return e.shipmentEventTypeCode;
    default:
      return e.equipmentEventTypeCode;
  }
}

/** DCSA TNT 2.2 event → MovementEvent. 2.2 names no publisher: originatingParty comes from the input. */
export function decodeTnt220Event(input: DecoderInput, pathPrefix = ''): DecodeOutcome<MovementEvent> {
  const validated = validateSource(Tnt220EventDto, input.message, pathPrefix, input.sourceValidator);
  if (!validated.ok) {
    return validated;
  }
  const e = validated.value;
  const code = eventCode(e);
  if (code === undefined) {
    return {
      ok: false,
      errors: [
        missingEventCode(`${pathPrefix}${pathPrefix ? '.' : ''}${eventCodeField(e.eventType)}`, e.eventType),
      ],
    };
  }
  const ctx = new DecodingContext(input.referenceData);
  const p = (field: string): string => (pathPrefix ? `${pathPrefix}.${field}` : field);
  const call = e.transportCall;
  const where = e.eventLocation;
  const unLocode = where?.UNLocationCode ?? call?.UNLocationCode;
  const hasLocation =
    unLocode !== undefined || where?.locationName !== undefined || call?.facilityCode !== undefined;
  const documentReferences: DocumentReference[] = (e.documentReferences ?? []).map((r) => ({
    type: r.documentReferenceType,
    value: r.documentReferenceValue,
  }));
  if (e.documentID !== undefined && e.documentTypeCode !== undefined) {
    documentReferences.unshift({ type: e.documentTypeCode, value: e.documentID });
  }
  const event: MovementEvent = {
    schemaVersion: CANONICAL_MOVEMENT_VERSION,
    kind: 'MOVEMENT',
    source: sourcePosition(input, MESSAGE_FORMATS.tnt220),
    anomalies: ctx.anomalies,
    eventId: e.eventID,
    originatingParty: input.originatingParty,
    action: 'UPSERT',
    eventKind: asKind(e.eventType),
    eventCode: code,
    classifier: e.eventClassifierCode as MovementEvent['classifier'],
    eventDateTime: e.eventDateTime,
    eventCreatedDateTime: e.eventCreatedDateTime,
    location: hasLocation
      ? ctx.location(
          {
            unLocode,
            name: where?.locationName,
            facilityCode: where?.facilityCode ?? call?.facilityCode,
            facilityCodeListProvider: where?.facilityCodeListProvider ?? call?.facilityCodeListProvider,
          },
          where?.UNLocationCode !== undefined ? p('eventLocation') : p('transportCall'),
        )
      : undefined,
    equipmentReference: e.equipmentReference,
    equipmentReferenceCheckDigitValid: equipmentCheckDigit(
      ctx,
      e.equipmentReference,
      p('equipmentReference'),
    ),
    isoEquipmentCode: e.ISOEquipmentCode,
    emptyIndicator: e.emptyIndicatorCode as MovementEvent['emptyIndicator'],
    modeOfTransport: asMode(call?.modeOfTransport),
    seals: (e.seals ?? []).map((s) => ({ number: s.sealNumber, source: s.sealSource, type: s.sealType })),
    vessel: call?.vessel
      ? ctx.vessel(
          {
            imoNumber: call.vessel.vesselIMONumber,
            name: call.vessel.vesselName,
            flag: call.vessel.vesselFlag,
            voyageNumber: call.exportVoyageNumber,
          },
          p('transportCall.vessel'),
        )
      : undefined,
    documentReferences: uniqueDocumentReferences(documentReferences),
  };
  return { ok: true, event: finishedEvent(input, event) };
}

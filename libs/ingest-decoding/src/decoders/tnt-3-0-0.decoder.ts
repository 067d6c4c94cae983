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
  seals,
  uniqueDocumentReferences,
} from './movement-building';
import { type Tnt300ClassificationDto, Tnt300EventDto } from './tnt-3-0-0.dto';

function eventCode(c: Tnt300ClassificationDto): string | undefined {
  switch (c.eventTypeCode) {
    case 'SHIPMENT':
      return c.shipmentEventTypeCode;
    case 'TRANSPORT':
      return c.transportEventTypeCode;
    case 'IOT':
      return c.iotEventTypeCode;
    case 'REEFER':
      return c.reeferEventTypeCode;
    default:
      return c.equipmentEventTypeCode;
  }
}

/**
 * DCSA TNT 3.0.0 event → MovementEvent. `isRetracted` → RETRACT; otherwise UPSERT, and a later event with
 * the same id and a newer eventUpdatedDateTime (carried as eventCreatedDateTime) replaces the earlier one.
 */
export function decodeTnt300Event(input: DecoderInput, pathPrefix = ''): DecodeOutcome<MovementEvent> {
  const validated = validateSource(Tnt300EventDto, input.message, pathPrefix, input.sourceValidator);
  if (!validated.ok) {
    return validated;
  }
  const e = validated.value;
  const p = (field: string): string => (pathPrefix ? `${pathPrefix}.${field}` : field);
  const c = e.eventClassification;
  const code = eventCode(c);
  if (code === undefined) {
    return {
      ok: false,
      errors: [
        missingEventCode(p(`eventClassification.${eventCodeField(c.eventTypeCode)}`), c.eventTypeCode),
      ],
    };
  }
  const ctx = new DecodingContext(input.referenceData);
  const where = e.eventLocation;
  const call = e.transportDetails?.transportCall;
  const vessel = call?.vesselTransport;
  const equipment = e.equipmentDetails;
  const shipment = e.shipmentDetails;
  const documentReferences: DocumentReference[] = [
    ...(shipment?.documentReference ? [shipment.documentReference] : []),
    ...(shipment?.additionalDocumentReferences ?? []),
  ].map((r) => ({ type: r.typeCode, value: r.reference }));
  const event: MovementEvent = {
    schemaVersion: CANONICAL_MOVEMENT_VERSION,
    kind: 'MOVEMENT',
    source: sourcePosition(input, MESSAGE_FORMATS.tnt300),
    anomalies: ctx.anomalies,
    eventId: e.eventID,
    originatingParty: e.eventRouting?.originatingParty?.partyCode ?? input.originatingParty,
    action: e.isRetracted === true ? 'RETRACT' : 'UPSERT',
    eventKind: asKind(c.eventTypeCode),
    eventCode: code,
    classifier: c.eventClassifierCode as MovementEvent['classifier'],
    eventDateTime: e.eventDateTime,
    eventCreatedDateTime: e.eventUpdatedDateTime,
    location: where
      ? ctx.location(
          {
            unLocode: where.UNLocationCode,
            name: where.locationName ?? where.facility?.facilityName,
            countryCode: where.address?.countryCode,
            facilityCode: where.facility?.facilityCode,
            facilityCodeListProvider: where.facility?.facilityCodeListProvider,
          },
          p('eventLocation'),
        )
      : undefined,
    equipmentReference: equipment?.equipmentReference,
    equipmentReferenceCheckDigitValid: equipmentCheckDigit(
      ctx,
      equipment?.equipmentReference,
      p('equipmentDetails.equipmentReference'),
    ),
    isoEquipmentCode: equipment?.ISOEquipmentCode,
    emptyIndicator: equipment?.emptyIndicatorCode as MovementEvent['emptyIndicator'],
    movementType: equipment?.movementType as MovementEvent['movementType'],
    modeOfTransport: asMode(call?.modeOfTransport),
    seals: seals(equipment?.seals),
    vessel: vessel
      ? ctx.vessel(
          {
            imoNumber: vessel.vesselIMONumber,
            name: vessel.vesselName,
            flag: vessel.vesselFlag,
            voyageNumber:
              call?.exportVoyageNumberOrReference?.carrierVoyageNumber ??
              call?.exportVoyageNumberOrReference?.universalVoyageReference,
          },
          p('transportDetails.transportCall.vesselTransport'),
        )
      : undefined,
    documentReferences: uniqueDocumentReferences(documentReferences),
  };
  return { ok: true, event: finishedEvent(input, event) };
}

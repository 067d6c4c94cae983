import type { ConsignmentPlan, PlannedMovement } from './consignment-plan';
import { toIso } from './consignment-planner';

type Json = Record<string, unknown>;

function eventLocation(movement: PlannedMovement): Json {
  const place = movement.location;
  const out: Json =
    place.code === undefined
      ? { locationName: place.name, address: { countryCode: place.countryCode } }
      : { locationName: place.name, UNLocationCode: place.code };
  out.facilityTypeCode = movement.facilityTypeCode;
  if (movement.facility) {
    out.facility = {
      facilityCode: movement.facility.code,
      facilityCodeListProvider: 'SMDG',
      facilityName: movement.facility.name,
    };
  }
  return out;
}

function transportCall(movement: PlannedMovement): Json | undefined {
  const vessel = movement.vessel;
  if (!movement.modeOfTransport && !vessel) {
    return undefined;
  }
  const call: Json = { modeOfTransport: movement.modeOfTransport ?? vessel?.mode };
  if (vessel) {
    call.exportVoyageNumberOrReference = { carrierVoyageNumber: vessel.voyage };
    const transport: Json = { vesselName: vessel.name };
    if (vessel.imoNumber !== undefined) {
      transport.vesselIMONumber = vessel.imoNumber;
    }
    if (vessel.flag !== undefined) {
      transport.vesselFlag = vessel.flag;
    }
    call.vesselTransport = transport;
  }
  return call;
}

/**
 * DCSA Track & Trace 3.0.0 event for one planned move: classification, routing (who reports it),
 * location with the terminal's SMDG code, the booking and transport document it belongs to, the
 * transport call and, for equipment events, the container with the seals seen on it.
 */
export function tntEventOf(
  plan: ConsignmentPlan,
  movement: PlannedMovement,
  eventId: string,
  reportedAtMs: number,
): Json {
  const equipmentEvent = movement.kind === 'EQUIPMENT';
  const event: Json = {
    eventID: eventId,
    eventDateTime: toIso(movement.at),
    eventUpdatedDateTime: toIso(reportedAtMs),
    eventRouting: {
      originatingParty: {
        partyCode: movement.reporter,
        codeListProvider: equipmentEvent && movement.reporter !== plan.carrierScac ? 'SMDG' : 'NMFTA',
        partyFunction: equipmentEvent && movement.reporter !== plan.carrierScac ? 'TR' : 'CA',
      },
    },
    eventLocation: eventLocation(movement),
    eventClassification: equipmentEvent
      ? { eventTypeCode: 'EQUIPMENT', eventClassifierCode: 'ACT', equipmentEventTypeCode: movement.code }
      : { eventTypeCode: 'TRANSPORT', eventClassifierCode: 'ACT', transportEventTypeCode: movement.code },
    shipmentDetails: {
      documentReference: { typeCode: 'BKG', reference: plan.bookingReference },
      additionalDocumentReferences: [{ typeCode: 'TRD', reference: plan.transportDocumentReference }],
    },
  };
  const call = transportCall(movement);
  if (call) {
    event.transportDetails = { transportCall: call };
  }
  const container =
    movement.containerIndex === undefined ? undefined : plan.containers[movement.containerIndex];
  if (equipmentEvent && container) {
    const details: Json = {
      equipmentReference: container.reference,
      ISOEquipmentCode: container.isoCode,
      emptyIndicatorCode: movement.emptyIndicator ?? 'LADEN',
    };
    if (movement.movementType) {
      details.movementType = movement.movementType;
    }
    details.seals = (movement.seals ?? container.seals).map((seal) => ({
      number: seal.number,
      source: seal.source,
      type: seal.type,
    }));
    event.equipmentDetails = details;
  }
  return event;
}

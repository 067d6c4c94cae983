import type {
  ConsignmentPlan,
  PlannedGoods,
  PlannedLicence,
  PlannedLocation,
  PlannedParty,
} from './consignment-plan';
import { toDate } from './consignment-planner';

type Json = Record<string, unknown>;

const PACKAGE_NAMES: Readonly<Record<string, string>> = {
  CT: 'Cartons',
  PK: 'Packages',
  BG: 'Bags',
  BL: 'Bales',
  PX: 'Pallets',
  RO: 'Rolls',
  RL: 'Reels',
  CL: 'Coils',
  BE: 'Bundles',
  CS: 'Cases',
  VL: 'Flexitank',
};

function location(place: PlannedLocation): Json {
  if (place.code === undefined) {
    return { locationName: place.name, address: { city: place.name, countryCode: place.countryCode } };
  }
  return { UNLocationCode: place.code, locationName: place.name };
}

function party(source: PlannedParty): Json {
  const address: Json = { city: source.city, countryCode: source.countryCode };
  if (source.street !== undefined) {
    address.street = source.street;
  }
  return { partyName: source.name, address };
}

function licence(source: PlannedLicence): Json {
  const out: Json = { isRequired: source.isRequired };
  if (source.reference !== undefined) {
    out.reference = source.reference;
  }
  if (source.issueDate !== undefined) {
    out.issueDate = source.issueDate;
  }
  if (source.expiryDate !== undefined) {
    out.expiryDate = source.expiryDate;
  }
  return out;
}

function consignmentItem(plan: ConsignmentPlan, goods: PlannedGoods): Json {
  const item: Json = {
    carrierBookingReference: plan.bookingReference,
    descriptionOfGoods: [goods.description],
    HSCodes: [goods.hsCode],
    cargoItems: goods.cargo.map((line) => ({
      equipmentReference: plan.containers[line.containerIndex]?.reference,
      cargoGrossWeight: { value: line.grossWeightKg, unit: 'KGM' },
      outerPackaging: {
        numberOfPackages: line.packages,
        packageCode: goods.packageCode,
        description: PACKAGE_NAMES[goods.packageCode] ?? 'Packages',
      },
    })),
  };
  if (goods.licence) {
    item[goods.licence.kind === 'EXPORT' ? 'exportLicense' : 'importLicense'] = licence(goods.licence);
  }
  return item;
}

/**
 * DCSA eBL 3.0.0 Transport Document for a plan: version 0 is the first issue, version n the document
 * after the plan's first n amendments (same reference; the new route or consignee replaces the old).
 */
export function transportDocumentOf(plan: ConsignmentPlan, version = 0): Json {
  const route = { ...plan.route };
  let consignee = plan.parties.consignee;
  for (const amendment of plan.amendments.slice(0, version)) {
    if (amendment.placeOfDelivery) {
      route.placeOfDelivery = amendment.placeOfDelivery;
    }
    if (amendment.portOfDischarge) {
      route.portOfDischarge = amendment.portOfDischarge;
    }
    consignee = amendment.consignee ?? consignee;
  }
  const transports: Json = {
    portOfLoading: location(route.portOfLoading),
    portOfDischarge: location(route.portOfDischarge),
    vesselVoyages: plan.vesselVoyages
      .filter((vessel) => vessel.mode === 'VESSEL')
      .map((vessel) => {
        const voyage: Json = { vesselName: vessel.name, carrierExportVoyageNumber: vessel.voyage };
        if (plan.statesVesselImo && vessel.imoNumber !== undefined) {
          voyage.vesselIMONumber = vessel.imoNumber;
        }
        return voyage;
      }),
  };
  if (route.placeOfReceipt) {
    transports.placeOfReceipt = location(route.placeOfReceipt);
  }
  if (route.placeOfDelivery) {
    transports.placeOfDelivery = location(route.placeOfDelivery);
  }
  if (route.preCarriageBy) {
    transports.preCarriageBy = route.preCarriageBy;
  }
  if (route.onCarriageBy) {
    transports.onCarriageBy = route.onCarriageBy;
  }
  const documentParties: Json = {
    shipper: party(plan.parties.shipper),
    consignee: party(consignee),
    issuingParty: {
      partyName: plan.carrierAgent,
      address: {
        city: plan.carrierAddress.city,
        countryCode: plan.carrierAddress.countryCode,
        street: plan.carrierAddress.street,
      },
    },
  };
  if (plan.parties.notify) {
    documentParties.notifyParties = [party(plan.parties.notify)];
  }
  if (plan.parties.endUser) {
    documentParties.other = [{ partyFunction: 'EU', party: party(plan.parties.endUser) }];
  }
  return {
    transportDocumentReference: plan.transportDocumentReference,
    transportDocumentStatus: 'ISSUED',
    transportDocumentTypeCode: 'BOL',
    isShippedOnBoardType: plan.stage !== 'EXPORT',
    isElectronic: true,
    isToOrder: false,
    freightPaymentTermCode: plan.stage === 'IMPORT' ? 'COL' : 'PRE',
    issueDate: version === 0 ? plan.issueDate : toDate(plan.amendments[version - 1]?.at ?? plan.manifestAt),
    carrierCode: plan.carrierScac,
    carrierCodeListProvider: 'NMFTA',
    invoicePayableAt: { UNLocationCode: route.portOfLoading.code ?? plan.port.code },
    partyContactDetails: [
      { name: 'Documentation desk', email: `documentation@${plan.carrierScac.toLowerCase()}.example` },
    ],
    documentParties,
    consignmentItems: plan.goods.map((goods) => consignmentItem(plan, goods)),
    utilizedTransportEquipments: plan.containers.map((container) => ({
      equipment: {
        equipmentReference: container.reference,
        ISOEquipmentCode: container.isoCode,
        tareWeight: { value: container.tareKg, unit: 'KGM' },
      },
      isShipperOwned: false,
      seals: container.seals.map((seal) => ({ number: seal.number, source: seal.source, type: seal.type })),
    })),
    transports,
  };
}

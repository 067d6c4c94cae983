import type {
  ConsignmentManifest,
  GoodsItem,
  Licence,
  ManifestEquipment,
  ModeOfTransport,
  Party,
  PartyRole,
  RejectionError,
} from '@chokepoint/contracts';
import { CANONICAL_MANIFEST_VERSION } from '@chokepoint/contracts';
import { DecodingContext, finishedEvent } from '../enrichment/decoding-context';
import { toKilograms } from '../normalisation/weight-units';
import { REJECTION_CODES } from '../rejection-codes';
import { validateSource } from '../validation/source-validation';
import { MESSAGE_FORMATS, type DecodeOutcome, type DecoderInput } from './decoder.types';
import {
  type CargoItemDto,
  type LicenseDto,
  type PartyDto,
  TransportDocumentDto,
  type UtilizedTransportEquipmentDto,
} from './ebl-3-0-0.dto';
import type { LocationDto, WeightDto } from './shared-source.dto';

const HS_CODE_PATTERN = /^\d{6,10}$/;

/**
 * DCSA "other" party functions to canonical roles. DDR/DDS are freight forwarders (FORWARDER_CONSIGNEE
 * rule); EU/UC (end user, ultimate consignee, as EDIFACT NAD uses them) are end users; the rest OTHER.
 */
const OTHER_PARTY_ROLES: Record<string, PartyRole> = {
  DDR: 'FORWARDER',
  DDS: 'FORWARDER',
  EU: 'ENDUSER',
  UC: 'ENDUSER',
  END: 'ENDUSER',
};
/** Notify parties by position, as eBL 3.0 defines: first N1, second N2, last NI. */
const NOTIFY_FUNCTIONS = ['N1', 'N2', 'NI'];

function weightKg(weight: WeightDto | undefined): number | undefined {
  return weight ? toKilograms(weight.value, weight.unit) : undefined;
}

function licence(
  kind: Licence['kind'],
  scope: Licence['scope'],
  source: LicenseDto | undefined,
): Licence | undefined {
  // An explicit "not required" without a reference says nothing a rule can use.
  if (!source || (source.isRequired === false && source.reference === undefined)) {
    return undefined;
  }
  return {
    kind,
    scope,
    reference: source.reference,
    issueDate: source.issueDate,
    expiryDate: source.expiryDate,
  };
}

function licences(
  scope: Licence['scope'],
  holder: { exportLicense?: LicenseDto; importLicense?: LicenseDto },
): Licence[] {
  return [
    licence('EXPORT', scope, holder.exportLicense),
    licence('IMPORT', scope, holder.importLicense),
  ].filter((l): l is Licence => l !== undefined);
}

function party(ctx: DecodingContext, source: PartyDto, role: PartyRole, path: string, fn?: string): Party {
  const address = source.address;
  const countryCode = address?.countryCode;
  if (countryCode) {
    ctx.country(countryCode, `${path}.address.countryCode`);
  }
  const street = [address?.street, address?.streetNumber, address?.postCode, address?.stateRegion]
    .filter((part): part is string => Boolean(part))
    .join(', ');
  return {
    role,
    partyFunction: fn,
    name: source.partyName,
    countryCode,
    city: address?.city,
    address: street === '' ? undefined : street,
    identifyingCodes: (source.identifyingCodes ?? []).map((c) => ({
      codeListProvider: c.codeListProvider,
      partyCode: c.partyCode,
      codeListName: c.codeListName,
    })),
  };
}

function parties(ctx: DecodingContext, doc: TransportDocumentDto): Party[] {
  const p = doc.documentParties;
  const base = 'documentParties';
  const out: Party[] = [party(ctx, p.shipper, 'SHIPPER', `${base}.shipper`)];
  if (p.onBehalfOfShipper) {
    out.push(party(ctx, p.onBehalfOfShipper, 'SHIPPER', `${base}.onBehalfOfShipper`));
  }
  if (p.consignee) {
    out.push(party(ctx, p.consignee, 'CONSIGNEE', `${base}.consignee`));
  }
  if (p.onBehalfOfConsignee) {
    out.push(party(ctx, p.onBehalfOfConsignee, 'CONSIGNEE', `${base}.onBehalfOfConsignee`));
  }
  (p.notifyParties ?? []).forEach((n, i, all) => {
    const fn = i === all.length - 1 && all.length === 3 ? 'NI' : NOTIFY_FUNCTIONS[i];
    out.push(party(ctx, n, 'NOTIFY', `${base}.notifyParties[${i}]`, fn));
  });
  if (p.endorsee) {
    out.push(party(ctx, p.endorsee, 'OTHER', `${base}.endorsee`));
  }
  if (p.issuingParty) {
    out.push(party(ctx, p.issuingParty, 'ISSUER', `${base}.issuingParty`));
  }
  if (p.carriersAgentAtDestination) {
    out.push(party(ctx, p.carriersAgentAtDestination, 'CARRIER', `${base}.carriersAgentAtDestination`));
  }
  (p.other ?? []).forEach((o, i) => {
    const role = OTHER_PARTY_ROLES[o.partyFunction] ?? 'OTHER';
    out.push(party(ctx, o.party, role, `${base}.other[${i}].party`, o.partyFunction));
  });
  return out;
}

function goodsItems(ctx: DecodingContext, doc: TransportDocumentDto): GoodsItem[] {
  return doc.consignmentItems.map((item, i) => {
    const cargo = item.cargoItems;
    const packageCodes = new Set(cargo.map((c) => c.outerPackaging?.packageCode).filter(Boolean));
    const counts = cargo.map((c) => c.outerPackaging?.numberOfPackages);
    const weights = cargo.map((c) => weightKg(c.cargoGrossWeight));
    const sum = (values: Array<number | undefined>): number | undefined =>
      values.every((v): v is number => v !== undefined)
        ? Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000
        : undefined;
    return {
      sequence: i + 1,
      hsCodes: item.HSCodes,
      description: item.descriptionOfGoods.filter((line) => line !== '').join('\n'),
      packageCount: sum(counts),
      packageCode: packageCodes.size === 1 ? [...packageCodes][0] : undefined,
      grossWeightKg: sum(weights),
      equipmentReferences: [...new Set(cargo.map((c) => c.equipmentReference))],
      licences: [
        ...licences('CONSIGNMENT_ITEM', item),
        ...cargo.flatMap((c: CargoItemDto) => licences('CARGO_ITEM', c)),
      ],
      unNumbers: [
        ...new Set(
          cargo.flatMap((c) =>
            (c.outerPackaging?.dangerousGoods ?? []).flatMap((dg) => (dg.UNNumber ? [dg.UNNumber] : [])),
          ),
        ),
      ],
    };
  });
}

function equipmentReferenceOf(ute: UtilizedTransportEquipmentDto): string | undefined {
  return ute.equipment?.equipmentReference ?? ute.equipmentReference;
}

function equipment(ctx: DecodingContext, doc: TransportDocumentDto): ManifestEquipment[] {
  return doc.utilizedTransportEquipments.flatMap((ute, i) => {
    const reference = equipmentReferenceOf(ute);
    if (reference === undefined) {
      return [];
    }
    const refPath = ute.equipment
      ? `utilizedTransportEquipments[${i}].equipment.equipmentReference`
      : `utilizedTransportEquipments[${i}].equipmentReference`;
    // Equipment-level gross weight when given (pint examples carry it), else the sum of its cargo items.
    const cargoOnIt = doc.consignmentItems
      .flatMap((c) => c.cargoItems)
      .filter((c) => c.equipmentReference === reference);
    const fromCargo = cargoOnIt.map((c) => weightKg(c.cargoGrossWeight));
    const cargoGrossWeightKg =
      ute.cargoGrossWeight !== undefined
        ? toKilograms(ute.cargoGrossWeight, ute.cargoGrossWeightUnit ?? 'KGM')
        : cargoOnIt.length > 0 && fromCargo.every((w): w is number => w !== undefined)
          ? Math.round(fromCargo.reduce((a, b) => a + b, 0) * 1000) / 1000
          : undefined;
    return [
      {
        reference,
        referenceCheckDigitValid: ctx.equipmentCheckDigit(reference, refPath),
        isoEquipmentCode: ute.equipment?.ISOEquipmentCode ?? ute.ISOEquipmentCode,
        isShipperOwned: ute.isShipperOwned,
        tareWeightKg: weightKg(ute.equipment?.tareWeight),
        cargoGrossWeightKg,
        seals: (ute.seals ?? []).map((s) => ({ number: s.number, source: s.source, type: s.type })),
      },
    ];
  });
}

function location(
  ctx: DecodingContext,
  source: LocationDto,
  path: string,
): ConsignmentManifest['route']['portOfLoading'] {
  return ctx.location(
    {
      unLocode: source.UNLocationCode,
      name: source.locationName ?? source.facility?.facilityName ?? source.address?.city ?? source.city?.city,
      countryCode: source.address?.countryCode ?? source.city?.countryCode,
      facilityCode: source.facility?.facilityCode,
      facilityCodeListProvider: source.facility?.facilityCodeListProvider,
    },
    path,
  );
}

/** Semantic checks class-validator cannot place on an array element. */
function elementErrors(doc: TransportDocumentDto): RejectionError[] {
  const errors: RejectionError[] = [];
  doc.consignmentItems.forEach((item, i) => {
    item.HSCodes.forEach((code, j) => {
      if (!HS_CODE_PATTERN.test(code)) {
        const path = `consignmentItems[${i}].HSCodes[${j}]`;
        errors.push({
          path,
          code: REJECTION_CODES.fieldFormat,
          message: `${path}: "${code}" is not an HS code of 6 to 10 digits`,
        });
      }
    });
  });
  doc.utilizedTransportEquipments.forEach((ute, i) => {
    if (equipmentReferenceOf(ute) === undefined) {
      const path = `utilizedTransportEquipments[${i}].equipment.equipmentReference`;
      errors.push({
        path,
        code: REJECTION_CODES.fieldRequired,
        message: `${path}: an equipment reference is required`,
      });
    }
  });
  return errors;
}

/** DCSA eBL 3.0.0 Transport Document → ConsignmentManifest. */
export function decodeEbl300TransportDocument(input: DecoderInput): DecodeOutcome<ConsignmentManifest> {
  const validated = validateSource(TransportDocumentDto, input.message, '', input.sourceValidator);
  if (!validated.ok) {
    return validated;
  }
  const doc = validated.value;
  const errors = elementErrors(doc);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  const ctx = new DecodingContext(input.referenceData);
  const t = doc.transports;
  const manifest: ConsignmentManifest = {
    schemaVersion: CANONICAL_MANIFEST_VERSION,
    kind: 'MANIFEST',
    transportDocumentReference: doc.transportDocumentReference,
    bookingReferences: [
      ...new Set(
        doc.consignmentItems.flatMap((c) => (c.carrierBookingReference ? [c.carrierBookingReference] : [])),
      ),
    ],
    transportDocumentType: doc.transportDocumentTypeCode,
    documentStatus: doc.transportDocumentStatus,
    carrierCode: doc.carrierCode,
    issueDate: doc.issueDate,
    shippedOnBoardDate: doc.shippedOnBoardDate,
    receivedAt: input.receivedAt,
    parties: parties(ctx, doc),
    goodsItems: goodsItems(ctx, doc),
    equipment: equipment(ctx, doc),
    licences: licences('DOCUMENT', doc),
    route: {
      placeOfReceipt: t.placeOfReceipt && location(ctx, t.placeOfReceipt, 'transports.placeOfReceipt'),
      portOfLoading: location(ctx, t.portOfLoading, 'transports.portOfLoading'),
      portOfDischarge: location(ctx, t.portOfDischarge, 'transports.portOfDischarge'),
      placeOfDelivery: t.placeOfDelivery && location(ctx, t.placeOfDelivery, 'transports.placeOfDelivery'),
      preCarriageBy: t.preCarriageBy as ModeOfTransport | undefined,
      onCarriageBy: t.onCarriageBy as ModeOfTransport | undefined,
      vesselVoyages: (t.vesselVoyages ?? []).map((v, i) =>
        ctx.vessel(
          {
            imoNumber: v.vesselIMONumber,
            name: v.vesselName,
            voyageNumber: v.carrierExportVoyageNumber ?? v.universalExportVoyageReference,
          },
          `transports.vesselVoyages[${i}]`,
        ),
      ),
    },
    source: {
      topic: input.topic,
      partition: input.partition,
      offset: input.offset,
      format: MESSAGE_FORMATS.eblTransportDocument300,
    },
    anomalies: ctx.anomalies,
  };
  return { ok: true, event: finishedEvent(input, manifest) };
}

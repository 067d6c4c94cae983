import type { RuleId, Stage } from '@chokepoint/contracts';

/**
 * One simulated consignment before it is written as DCSA messages: what the documents say, which boxes
 * move where and when, and what risk (if any) was planted. Times are epoch milliseconds of the
 * simulated clock. Builders turn it into eBL 3.0 Transport Documents and TNT 3.0 events.
 */
export interface PlannedLocation {
  code?: string;
  name: string;
  countryCode?: string;
}

export interface PlannedParty {
  name: string;
  street?: string;
  city: string;
  countryCode: string;
  /** Set when the name was planted from a sanctions list entry (its reference number). */
  sanctionedReference?: string;
}

export interface PlannedLicence {
  kind: 'EXPORT' | 'IMPORT';
  isRequired: boolean;
  reference?: string;
  issueDate?: string;
  expiryDate?: string;
}

/** The part of a goods item packed in one container. */
export interface PlannedCargoLine {
  containerIndex: number;
  packages: number;
  grossWeightKg: number;
}

export interface PlannedGoods {
  hsCode: string;
  description: string;
  packageCode: string;
  cargo: PlannedCargoLine[];
  licence?: PlannedLicence;
}

export interface PlannedContainer {
  reference: string;
  isoCode: string;
  tareKg: number;
  seals: PlannedSeal[];
}

export interface PlannedSeal {
  number: string;
  source: 'CAR' | 'SHI' | 'CUS';
  type: 'BLT' | 'WIR' | 'KLP';
}

export interface PlannedVessel {
  imoNumber?: string;
  name: string;
  /** Flag state (ISO 3166) as the TNT vessel transport gives it. */
  flag?: string;
  voyage: string;
  mode: 'VESSEL' | 'BARGE';
}

export interface PlannedRoute {
  placeOfReceipt?: PlannedLocation;
  portOfLoading: PlannedLocation;
  portOfDischarge: PlannedLocation;
  placeOfDelivery?: PlannedLocation;
  preCarriageBy?: 'TRUCK' | 'RAIL' | 'BARGE';
  onCarriageBy?: 'TRUCK' | 'RAIL' | 'BARGE';
}

export interface PlannedDocumentParties {
  shipper: PlannedParty;
  consignee: PlannedParty;
  notify?: PlannedParty;
  /** Named end user (DCSA other party, function EU), which keeps a forwarder consignee from flagging. */
  endUser?: PlannedParty;
}

export type EquipmentEventCode =
  'GTIN' | 'GTOT' | 'LOAD' | 'DISC' | 'STUF' | 'STRP' | 'INSP' | 'RSEA' | 'RMVD';
export type TransportEventCode = 'ARRI' | 'DEPA';

export interface PlannedMovement {
  at: number;
  kind: 'EQUIPMENT' | 'TRANSPORT';
  code: EquipmentEventCode | TransportEventCode;
  location: PlannedLocation;
  facilityTypeCode: 'POTE' | 'BORD' | 'DEPO' | 'INTE' | 'COFS';
  facility?: { code: string; name: string };
  /** Index into the plan's containers, for equipment events. */
  containerIndex?: number;
  vessel?: PlannedVessel;
  modeOfTransport?: 'VESSEL' | 'BARGE' | 'TRUCK' | 'RAIL';
  movementType?: 'EXPORT' | 'IMPORT' | 'TRANSSHIPMENT';
  emptyIndicator?: 'LADEN' | 'EMPTY';
  /** Seals observed; defaults to the container's seals as the manifest states them. */
  seals?: PlannedSeal[];
  /** Who reports the event (terminal or carrier code). */
  reporter: string;
}

/** A later version of the transport document (same reference): what changed. */
export interface PlannedAmendment {
  at: number;
  placeOfDelivery?: PlannedLocation;
  portOfDischarge?: PlannedLocation;
  consignee?: PlannedParty;
}

export type ScenarioKind = 'CLEAN' | 'RISK' | 'OUT_OF_SCOPE';

export interface PlannedTruth {
  scenario: ScenarioKind;
  /** The reason code the scenario was built around (RISK only). */
  primaryReasonCode: RuleId | null;
  /** Every reason code deliberately planted, with the ones the planted facts necessarily trigger. */
  plantedReasonCodes: RuleId[];
  /** FLAG reasons clean traffic legitimately raises (a licensed dual-use item, a forwarder consignee, …). */
  benignReasonCodes: RuleId[];
  /** The planted codes that must appear as HOLD reasons (HOLD rules; DESTINATION_CHANGED on controlled goods). */
  holdReasonCodes: RuleId[];
  expectedOutcome: 'HOLD' | 'RELEASE' | 'NONE';
  /**
   * How a planted sanctioned name is spelt: a perturbation kind of the sanctions evaluation (NONE,
   * LEGAL_FORM, CASE_AND_PUNCTUATION, TYPO_*, TRANSLITERATION), with `+ACRONYM_DROPPED` when the list
   * name's parenthesised acronym was left out. Typos measure the fuzzy matcher's recall.
   */
  sanctionedNameSpelling?: string;
  notes: string[];
}

export interface ConsignmentPlan {
  transportDocumentReference: string;
  bookingReference: string;
  carrierScac: string;
  carrierName: string;
  carrierAgent: string;
  carrierAddress: { street: string; city: string; countryCode: string };
  stage: Stage | null;
  /** The jurisdiction port this consignment passes through. */
  port: PlannedLocation;
  manifestAt: number;
  issueDate: string;
  route: PlannedRoute;
  vesselVoyages: PlannedVessel[];
  /** Whether the document states the vessels' IMO numbers (eBL 2.0 habit some carriers keep). */
  statesVesselImo: boolean;
  parties: PlannedDocumentParties;
  goods: PlannedGoods[];
  containers: PlannedContainer[];
  movements: PlannedMovement[];
  amendments: PlannedAmendment[];
  truth: PlannedTruth;
}

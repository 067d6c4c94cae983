import { IsBoolean, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/**
 * Something odd about a message that is not a reason to reject it (a failed check digit, an unknown
 * UN/LOCODE): it travels with the event so that the rules can weigh it.
 */
export class Anomaly {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() path!: string;
  @IsString() message!: string;
}

export const ANOMALY_CODES = {
  equipmentCheckDigit: 'EQUIPMENT_CHECK_DIGIT',
  vesselImoCheckDigit: 'VESSEL_IMO_CHECK_DIGIT',
  unknownUnLocode: 'UNKNOWN_UNLOCODE',
  unknownCountry: 'UNKNOWN_COUNTRY',
} as const;

export class CanonicalLocation {
  /** UN/LOCODE, five upper-case characters; the first two are the ISO 3166 country. */
  @IsOptional() @Matches(/^[A-Z]{2}[A-Z2-9]{3}$/) unLocode?: string;
  @IsOptional() @IsString() @MaxLength(100) name?: string;
  @IsOptional() @Matches(/^[A-Z]{2}$/) countryCode?: string;
  @IsOptional() @IsString() @MaxLength(20) facilityCode?: string;
  @IsOptional() @IsString() @MaxLength(10) facilityCodeListProvider?: string;
  /** False when the UN/LOCODE is not in the reference data (an anomaly, not a rejection). */
  @IsOptional() @IsBoolean() known?: boolean;
}

export class Seal {
  @IsString() @IsNotEmpty() @MaxLength(50) number!: string;
  @IsOptional() @IsString() source?: string;
  @IsOptional() @IsString() type?: string;
}

export class Vessel {
  @IsOptional() @Matches(/^\d{7}$/) imoNumber?: string;
  @IsOptional() @IsBoolean() imoCheckDigitValid?: boolean;
  @IsOptional() @IsString() @MaxLength(50) name?: string;
  /** ISO 3166 alpha-2 flag state, when the message or the MMSI gives it. */
  @IsOptional() @Matches(/^[A-Z]{2}$/) flag?: string;
  @IsOptional() @Matches(/^\d{9}$/) mmsi?: string;
  @IsOptional() @IsString() @MaxLength(50) voyageNumber?: string;
}

export class SourcePosition {
  @IsString() topic!: string;
  @IsOptional() partition?: number;
  @IsOptional() @IsString() offset?: string;
  /** Format and version the decoder recognised, e.g. DCSA_EBL_3_0_0, DCSA_TNT_2_2_0. */
  @IsString() format!: string;
}

export const MODES_OF_TRANSPORT = ['VESSEL', 'RAIL', 'TRUCK', 'BARGE', 'MULTIMODAL'] as const;
export type ModeOfTransport = (typeof MODES_OF_TRANSPORT)[number];

export class DocumentReference {
  /** DCSA document type: TRD transport document, BKG booking, SHI shipping instruction, … */
  @IsString() @Length(3, 3) type!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) value!: string;
}

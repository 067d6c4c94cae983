import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  Anomaly,
  CanonicalLocation,
  MODES_OF_TRANSPORT,
  type ModeOfTransport,
  Seal,
  SourcePosition,
  Vessel,
} from './common';

export const PARTY_ROLES = [
  'SHIPPER',
  'CONSIGNEE',
  'NOTIFY',
  'ENDUSER',
  'FORWARDER',
  'CARRIER',
  'ISSUER',
  'OTHER',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export class IdentifyingCode {
  @IsString() @IsNotEmpty() codeListProvider!: string;
  @IsString() @IsNotEmpty() partyCode!: string;
  @IsOptional() @IsString() codeListName?: string;
}

export class Party {
  @IsIn(PARTY_ROLES) role!: PartyRole;
  /** The DCSA party function when the source gave one (e.g. DDR, N1, SCO). */
  @IsOptional() @IsString() partyFunction?: string;
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsOptional() @Matches(/^[A-Z]{2}$/) countryCode?: string;
  @IsOptional() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IdentifyingCode)
  identifyingCodes!: IdentifyingCode[];
}

export const LICENCE_KINDS = ['EXPORT', 'IMPORT'] as const;
export const LICENCE_SCOPES = ['DOCUMENT', 'CONSIGNMENT_ITEM', 'CARGO_ITEM'] as const;

export class Licence {
  @IsIn(LICENCE_KINDS) kind!: (typeof LICENCE_KINDS)[number];
  @IsIn(LICENCE_SCOPES) scope!: (typeof LICENCE_SCOPES)[number];
  @IsOptional() @IsString() @MaxLength(100) reference?: string;
  @IsOptional() @IsISO8601() issueDate?: string;
  @IsOptional() @IsISO8601() expiryDate?: string;
}

export class GoodsItem {
  @IsInt() @Min(1) sequence!: number;
  /** HS codes as digits only (6 to 10 digits). */
  @IsArray() @Matches(/^\d{4,10}$/, { each: true }) hsCodes!: string[];
  @IsString() @MaxLength(5000) description!: string;
  @IsOptional() @IsInt() @Min(0) packageCount?: number;
  @IsOptional() @IsString() packageCode?: string;
  @IsOptional() @IsNumber() @Min(0) grossWeightKg?: number;
  /** Containers this item is packed in. */
  @IsArray() @IsString({ each: true }) equipmentReferences!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => Licence) licences!: Licence[];
  /** UN numbers of dangerous goods declared in this item. */
  @IsArray() @IsString({ each: true }) unNumbers!: string[];
}

export class ManifestEquipment {
  @IsString() @IsNotEmpty() @MaxLength(11) reference!: string;
  @IsBoolean() referenceCheckDigitValid!: boolean;
  @IsOptional() @IsString() isoEquipmentCode?: string;
  @IsOptional() @IsBoolean() isShipperOwned?: boolean;
  @IsOptional() @IsNumber() tareWeightKg?: number;
  @IsOptional() @IsNumber() cargoGrossWeightKg?: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Seal) seals!: Seal[];
}

export class Route {
  @IsOptional() @ValidateNested() @Type(() => CanonicalLocation) placeOfReceipt?: CanonicalLocation;
  @ValidateNested() @Type(() => CanonicalLocation) portOfLoading!: CanonicalLocation;
  @ValidateNested() @Type(() => CanonicalLocation) portOfDischarge!: CanonicalLocation;
  @IsOptional() @ValidateNested() @Type(() => CanonicalLocation) placeOfDelivery?: CanonicalLocation;
  @IsOptional() @IsIn(MODES_OF_TRANSPORT) preCarriageBy?: ModeOfTransport;
  @IsOptional() @IsIn(MODES_OF_TRANSPORT) onCarriageBy?: ModeOfTransport;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Vessel) vesselVoyages!: Vessel[];
}

export const CANONICAL_MANIFEST_VERSION = 1;

/** A consignment's manifest as screening sees it, whatever format the port system sent. */
export class ConsignmentManifest {
  @IsIn([CANONICAL_MANIFEST_VERSION]) schemaVersion!: typeof CANONICAL_MANIFEST_VERSION;
  @IsIn(['MANIFEST']) kind!: 'MANIFEST';
  /** Consignment id: the transport document reference (B/L number). */
  @IsString() @IsNotEmpty() @MaxLength(20) transportDocumentReference!: string;
  @IsArray() @IsString({ each: true }) bookingReferences!: string[];
  @IsOptional() @IsString() transportDocumentType?: string;
  @IsOptional() @IsString() documentStatus?: string;
  @IsOptional() @IsString() carrierCode?: string;
  @IsOptional() @IsISO8601() issueDate?: string;
  @IsOptional() @IsISO8601() shippedOnBoardDate?: string;
  /** Event time: the Kafka record timestamp. */
  @IsISO8601() receivedAt!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Party) parties!: Party[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => GoodsItem) goodsItems!: GoodsItem[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ManifestEquipment) equipment!: ManifestEquipment[];
  /** Licences declared on the document itself; item-level ones sit on the goods items. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => Licence) licences!: Licence[];
  @ValidateNested() @Type(() => Route) route!: Route;
  @ValidateNested() @Type(() => SourcePosition) source!: SourcePosition;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Anomaly) anomalies!: Anomaly[];
}

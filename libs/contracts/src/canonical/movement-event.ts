import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  Anomaly,
  CanonicalLocation,
  DocumentReference,
  MODES_OF_TRANSPORT,
  type ModeOfTransport,
  Seal,
  SourcePosition,
  Vessel,
} from './common';

export const EVENT_KINDS = ['EQUIPMENT', 'TRANSPORT', 'SHIPMENT', 'IOT', 'REEFER'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_CLASSIFIERS = ['PLN', 'EST', 'REQ', 'ACT'] as const;
export type EventClassifier = (typeof EVENT_CLASSIFIERS)[number];
export const MOVEMENT_TYPES = ['IMPORT', 'EXPORT', 'TRANSSHIPMENT'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const CANONICAL_MOVEMENT_VERSION = 1;

/**
 * One container, vessel or shipment event. `action` RETRACT withdraws an earlier event with the same
 * id from the same originating party; an UPSERT with a known id replaces it.
 */
export class MovementEvent {
  @IsIn([CANONICAL_MOVEMENT_VERSION]) schemaVersion!: typeof CANONICAL_MOVEMENT_VERSION;
  @IsIn(['MOVEMENT']) kind!: 'MOVEMENT';
  @IsString() @IsNotEmpty() @MaxLength(100) eventId!: string;
  /** Who sent it (party code, or the record key's producer when the format has none). */
  @IsString() @IsNotEmpty() @MaxLength(100) originatingParty!: string;
  @IsIn(['UPSERT', 'RETRACT']) action!: 'UPSERT' | 'RETRACT';
  @IsIn(EVENT_KINDS) eventKind!: EventKind;
  /** DCSA event type code: LOAD, DISC, GTIN, GTOT, STUF, STRP, INSP, RSEA, RMVD, ARRI, DEPA, … */
  @IsString() @IsNotEmpty() @MaxLength(10) eventCode!: string;
  @IsIn(EVENT_CLASSIFIERS) classifier!: EventClassifier;
  @IsISO8601() eventDateTime!: string;
  @IsOptional() @IsISO8601() eventCreatedDateTime?: string;
  @IsOptional() @ValidateNested() @Type(() => CanonicalLocation) location?: CanonicalLocation;
  @IsOptional() @IsString() @MaxLength(11) equipmentReference?: string;
  @IsOptional() @IsBoolean() equipmentReferenceCheckDigitValid?: boolean;
  @IsOptional() @IsString() isoEquipmentCode?: string;
  @IsOptional() @IsIn(['EMPTY', 'LADEN']) emptyIndicator?: 'EMPTY' | 'LADEN';
  @IsOptional() @IsIn(MOVEMENT_TYPES) movementType?: MovementType;
  @IsOptional() @IsBoolean() isTransshipmentMove?: boolean;
  @IsOptional() @IsIn(MODES_OF_TRANSPORT) modeOfTransport?: ModeOfTransport;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Seal) seals!: Seal[];
  @IsOptional() @ValidateNested() @Type(() => Vessel) vessel?: Vessel;
  @IsOptional() @IsNumber() @Min(0) grossWeightKg?: number;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DocumentReference)
  documentReferences!: DocumentReference[];
  @ValidateNested() @Type(() => SourcePosition) source!: SourcePosition;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Anomaly) anomalies!: Anomaly[];
}

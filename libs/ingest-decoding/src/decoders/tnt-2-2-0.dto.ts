import { MODES_OF_TRANSPORT } from '@chokepoint/contracts';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FoldedText, UpperCode } from '../normalisation/source-transforms';
import { UN_LOCODE_PATTERN, NotArray } from './shared-source.dto';
import {
  applyAll,
  EMPTY_INDICATOR_VALUES,
  EVENT_CLASSIFIER_VALUES,
  EventId,
  OptionalCode,
  OptionalCountry,
  OptionalDateTime,
  OptionalEnum,
  OptionalEquipmentReference,
  OptionalImo,
  OptionalText,
  RequiredDateTime,
} from './tnt-source.dto';

const OptionalLocode = (): PropertyDecorator =>
  applyAll([IsOptional(), UpperCode(), IsString(), Matches(UN_LOCODE_PATTERN)]);

export class Tnt220VesselDto {
  @OptionalImo() vesselIMONumber?: string;
  @OptionalText(50) vesselName?: string;
  @OptionalCountry() vesselFlag?: string;
}

export class Tnt220TransportCallDto {
  @OptionalLocode() UNLocationCode?: string;
  @OptionalCode(20) facilityCode?: string;
  @OptionalCode(10) facilityCodeListProvider?: string;
  @OptionalEnum([...MODES_OF_TRANSPORT]) modeOfTransport?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(50) exportVoyageNumber?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => Tnt220VesselDto) vessel?: Tnt220VesselDto;
}

export class Tnt220LocationDto {
  @OptionalLocode() UNLocationCode?: string;
  @OptionalText(100) locationName?: string;
  @OptionalCode(20) facilityCode?: string;
  @OptionalCode(10) facilityCodeListProvider?: string;
}

export class Tnt220DocumentReferenceDto {
  @IsDefined() @UpperCode() @IsString() @MaxLength(3) documentReferenceType!: string;
  @IsDefined() @FoldedText() @IsString() @Matches(/\S/) @MaxLength(100) documentReferenceValue!: string;
}

export class Tnt220SealDto {
  @IsDefined() @UpperCode() @IsString() @Matches(/\S/) @MaxLength(50) sealNumber!: string;
  @OptionalCode(5) sealSource?: string;
  @OptionalCode(5) sealType?: string;
}

/** DCSA TNT 2.2 event (flat: eventType + eventClassifierCode at the top). */
export class Tnt220EventDto {
  @IsDefined() @applyAll(EventId()) eventID!: string;
  @IsDefined() @UpperCode() @IsIn(['EQUIPMENT', 'TRANSPORT', 'SHIPMENT']) eventType!: string;
  @IsDefined() @UpperCode() @IsIn(EVENT_CLASSIFIER_VALUES) eventClassifierCode!: string;
  @RequiredDateTime() eventDateTime!: string;
  @OptionalDateTime() eventCreatedDateTime?: string;
  @OptionalCode(4) transportEventTypeCode?: string;
  @OptionalCode(4) shipmentEventTypeCode?: string;
  @OptionalCode(4) equipmentEventTypeCode?: string;
  @OptionalEquipmentReference() equipmentReference?: string;
  @OptionalCode(4) ISOEquipmentCode?: string;
  @OptionalEnum(EMPTY_INDICATOR_VALUES) emptyIndicatorCode?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) documentID?: string;
  @OptionalCode(3) documentTypeCode?: string;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt220LocationDto)
  eventLocation?: Tnt220LocationDto;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt220TransportCallDto)
  transportCall?: Tnt220TransportCallDto;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => Tnt220DocumentReferenceDto)
  documentReferences?: Tnt220DocumentReferenceDto[];
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => Tnt220SealDto)
  seals?: Tnt220SealDto[];
}

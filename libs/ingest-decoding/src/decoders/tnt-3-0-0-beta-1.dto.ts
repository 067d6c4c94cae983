import { MODES_OF_TRANSPORT } from '@chokepoint/contracts';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TrimmedText, UpperCode } from '../normalisation/source-transforms';
import { DocumentReferenceTypeValue, LocationDto, NotArray } from './shared-source.dto';
import {
  applyAll,
  EMPTY_INDICATOR_VALUES,
  EVENT_CLASSIFIER_VALUES,
  EventId,
  OptionalCode,
  OptionalCountry,
  OptionalEnum,
  OptionalEquipmentReference,
  OptionalImo,
  OptionalText,
  RequiredDateTime,
  TntSealDto,
} from './tnt-source.dto';

export class Beta1PublisherDto {
  @OptionalText(100) partyName?: string;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(10) carrierCode?: string;
}

export class Beta1MetadataDto {
  @IsDefined() @applyAll(EventId()) eventID!: string;
  @RequiredDateTime() eventCreatedDateTime!: string;
  @IsDefined() @UpperCode() @IsIn(['EQUIPMENT', 'TRANSPORT', 'SHIPMENT']) eventType!: string;
  @IsOptional() @applyAll(EventId()) retractedEventID?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => Beta1PublisherDto) publisher?: Beta1PublisherDto;
}

export class Beta1VesselDto {
  @OptionalImo() vesselIMONumber?: string;
  @OptionalText(50) name?: string;
  @OptionalCountry() flag?: string;
}

export class Beta1TransportCallDto {
  @OptionalEnum([...MODES_OF_TRANSPORT]) modeOfTransport?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(50) carrierExportVoyageNumber?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => Beta1VesselDto) vessel?: Beta1VesselDto;
}

export class Beta1PayloadDto {
  @IsDefined() @UpperCode() @IsIn(EVENT_CLASSIFIER_VALUES) eventClassifierCode!: string;
  @RequiredDateTime() eventDateTime!: string;
  @OptionalCode(4) transportEventTypeCode?: string;
  @OptionalCode(4) shipmentEventTypeCode?: string;
  @OptionalCode(4) equipmentEventTypeCode?: string;
  @OptionalEquipmentReference() equipmentReference?: string;
  @OptionalCode(4) ISOEquipmentCode?: string;
  @OptionalEnum(EMPTY_INDICATOR_VALUES) emptyIndicatorCode?: string;
  @IsOptional() @IsBoolean() isTransshipmentMove?: boolean;
  @OptionalCode(3) documentTypeCode?: string;
  @IsOptional() @TrimmedText() @IsString() @Matches(/\S/) @MaxLength(100) documentReference?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LocationDto) eventLocation?: LocationDto;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Beta1TransportCallDto)
  transportCall?: Beta1TransportCallDto;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DocumentReferenceTypeValue)
  relatedDocumentReferences?: DocumentReferenceTypeValue[];
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TntSealDto)
  seals?: TntSealDto[];
}

/** DCSA TNT 3.0.0-Beta-1: a metadata/payload envelope; a retraction carries metadata only. */
export class Beta1EventDto {
  @IsDefined() @NotArray() @ValidateNested() @Type(() => Beta1MetadataDto) metadata!: Beta1MetadataDto;
  @ValidateIf((o: Beta1EventDto) => o.metadata?.retractedEventID === undefined)
  @IsDefined()
  @NotArray()
  @ValidateNested()
  @Type(() => Beta1PayloadDto)
  payload?: Beta1PayloadDto;
}

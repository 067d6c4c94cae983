import { MODES_OF_TRANSPORT, MOVEMENT_TYPES } from '@chokepoint/contracts';
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
  ValidateNested,
} from 'class-validator';
import { FoldedText, TrimmedText, UpperCode } from '../normalisation/source-transforms';
import { LocationDto, NotArray } from './shared-source.dto';
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
  TntSealDto,
} from './tnt-source.dto';

export class Tnt300PartyDto {
  @IsOptional() @TrimmedText() @IsString() @MaxLength(100) partyCode?: string;
}

export class Tnt300EventRoutingDto {
  @IsOptional() @NotArray() @ValidateNested() @Type(() => Tnt300PartyDto) originatingParty?: Tnt300PartyDto;
}

export class Tnt300ClassificationDto {
  @IsDefined()
  @UpperCode()
  @IsIn(['EQUIPMENT', 'TRANSPORT', 'SHIPMENT', 'IOT', 'REEFER'])
  eventTypeCode!: string;
  @IsDefined() @UpperCode() @IsIn(EVENT_CLASSIFIER_VALUES) eventClassifierCode!: string;
  @OptionalCode(4) shipmentEventTypeCode?: string;
  @OptionalCode(4) transportEventTypeCode?: string;
  @OptionalCode(4) equipmentEventTypeCode?: string;
  @OptionalCode(4) iotEventTypeCode?: string;
  @OptionalCode(4) reeferEventTypeCode?: string;
}

export class Tnt300DocumentReferenceDto {
  @IsDefined() @UpperCode() @IsString() @MaxLength(3) typeCode!: string;
  @IsDefined() @FoldedText() @IsString() @Matches(/\S/) @MaxLength(100) reference!: string;
}

export class Tnt300ShipmentDetailsDto {
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300DocumentReferenceDto)
  documentReference?: Tnt300DocumentReferenceDto;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => Tnt300DocumentReferenceDto)
  additionalDocumentReferences?: Tnt300DocumentReferenceDto[];
}

export class Tnt300VesselDto {
  @OptionalImo() vesselIMONumber?: string;
  @OptionalText(50) vesselName?: string;
  @OptionalCountry() vesselFlag?: string;
}

export class Tnt300VoyageDto {
  @IsOptional() @TrimmedText() @IsString() @MaxLength(50) carrierVoyageNumber?: string;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(50) universalVoyageReference?: string;
}

export class Tnt300TransportCallDto {
  @OptionalEnum([...MODES_OF_TRANSPORT]) modeOfTransport?: string;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300VoyageDto)
  exportVoyageNumberOrReference?: Tnt300VoyageDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => Tnt300VesselDto) vesselTransport?: Tnt300VesselDto;
}

export class Tnt300TransportDetailsDto {
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300TransportCallDto)
  transportCall?: Tnt300TransportCallDto;
}

export class Tnt300EquipmentDetailsDto {
  @OptionalEquipmentReference() equipmentReference?: string;
  @OptionalCode(4) ISOEquipmentCode?: string;
  @OptionalEnum(EMPTY_INDICATOR_VALUES) emptyIndicatorCode?: string;
  @OptionalEnum([...MOVEMENT_TYPES]) movementType?: string;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TntSealDto)
  seals?: TntSealDto[];
}

/** DCSA TNT 3.0.0 (final) event: eventClassification object, eventRouting, *Details blocks. */
export class Tnt300EventDto {
  @IsDefined() @applyAll(EventId()) eventID!: string;
  @IsOptional() @IsBoolean() isRetracted?: boolean;
  @RequiredDateTime() eventDateTime!: string;
  @OptionalDateTime() eventUpdatedDateTime?: string;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300EventRoutingDto)
  eventRouting?: Tnt300EventRoutingDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LocationDto) eventLocation?: LocationDto;
  @IsDefined()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300ClassificationDto)
  eventClassification!: Tnt300ClassificationDto;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300ShipmentDetailsDto)
  shipmentDetails?: Tnt300ShipmentDetailsDto;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300TransportDetailsDto)
  transportDetails?: Tnt300TransportDetailsDto;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => Tnt300EquipmentDetailsDto)
  equipmentDetails?: Tnt300EquipmentDetailsDto;
}

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EquipmentReferenceCode,
  FoldedText,
  FoldedTextLines,
  HsCodes,
  TrimmedText,
  UpperCode,
} from '../normalisation/source-transforms';
import { WEIGHT_UNITS } from '../normalisation/weight-units';
import {
  COUNTRY_CODE_PATTERN,
  IMO_NUMBER_PATTERN,
  LocationDto,
  MODE_OF_TRANSPORT_VALUES,
  WeightDto,
  NotArray,
} from './shared-source.dto';

// Only what screening reads is required; everything read is type- and length-checked. Limits follow the
// canonical model where it is stricter than DCSA, DCSA where it is stricter than canonical.

export class LicenseDto {
  @IsOptional() @IsBoolean() isRequired?: boolean;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(100) reference?: string;
  @IsOptional() @IsISO8601({ strict: true }) issueDate?: string;
  @IsOptional() @IsISO8601({ strict: true }) expiryDate?: string;
}

export class IdentifyingCodeDto {
  @IsDefined() @TrimmedText() @IsString() @MaxLength(100) codeListProvider!: string;
  @IsDefined() @TrimmedText() @IsString() @MaxLength(150) partyCode!: string;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(100) codeListName?: string;
}

export class PartyAddressDto {
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) street?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(50) streetNumber?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(20) postCode?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(65) stateRegion?: string;
  @IsOptional() @UpperCode() @IsString() @Matches(COUNTRY_CODE_PATTERN) countryCode?: string;
}

export class PartyDto {
  @IsDefined() @FoldedText() @IsString() @Matches(/\S/) @MaxLength(200) partyName!: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyAddressDto) address?: PartyAddressDto;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IdentifyingCodeDto)
  identifyingCodes?: IdentifyingCodeDto[];
}

export class OtherDocumentPartyDto {
  @IsDefined() @NotArray() @ValidateNested() @Type(() => PartyDto) party!: PartyDto;
  @IsDefined() @UpperCode() @IsString() @MaxLength(3) partyFunction!: string;
}

export class DocumentPartiesDto {
  @IsDefined() @NotArray() @ValidateNested() @Type(() => PartyDto) shipper!: PartyDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyDto) onBehalfOfShipper?: PartyDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyDto) consignee?: PartyDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyDto) onBehalfOfConsignee?: PartyDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyDto) endorsee?: PartyDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyDto) issuingParty?: PartyDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => PartyDto) carriersAgentAtDestination?: PartyDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  notifyParties?: PartyDto[];
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OtherDocumentPartyDto)
  other?: OtherDocumentPartyDto[];
}

export class DangerousGoodsDto {
  @IsOptional() @TrimmedText() @IsString() @Matches(/^\d{4}$/) UNNumber?: string;
  @IsOptional() @TrimmedText() @IsString() @Matches(/^\d{4}$/) NANumber?: string;
}

export class OuterPackagingDto {
  @IsOptional() @IsInt() @Min(0) numberOfPackages?: number;
  @IsOptional() @UpperCode() @IsString() @MaxLength(5) packageCode?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) description?: string;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DangerousGoodsDto)
  dangerousGoods?: DangerousGoodsDto[];
}

export class CargoItemDto {
  @IsDefined()
  @EquipmentReferenceCode()
  @IsString()
  @Matches(/\S/)
  @MaxLength(11)
  equipmentReference!: string;
  @IsDefined() @NotArray() @ValidateNested() @Type(() => WeightDto) cargoGrossWeight!: WeightDto;
  @IsOptional()
  @NotArray()
  @ValidateNested()
  @Type(() => OuterPackagingDto)
  outerPackaging?: OuterPackagingDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LicenseDto) exportLicense?: LicenseDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LicenseDto) importLicense?: LicenseDto;
}

export class ConsignmentItemDto {
  @IsOptional() @TrimmedText() @IsString() @MaxLength(35) carrierBookingReference?: string;
  @IsDefined()
  @FoldedTextLines()
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  descriptionOfGoods!: string[];
  @IsDefined() @HsCodes() @IsArray() @ArrayMinSize(1) @IsString({ each: true }) HSCodes!: string[];
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CargoItemDto)
  cargoItems!: CargoItemDto[];
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LicenseDto) exportLicense?: LicenseDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LicenseDto) importLicense?: LicenseDto;
}

export class SealDto {
  @IsDefined() @UpperCode() @IsString() @Matches(/\S/) @MaxLength(50) number!: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(5) source?: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(5) type?: string;
}

export class EquipmentDto {
  @IsDefined()
  @EquipmentReferenceCode()
  @IsString()
  @Matches(/\S/)
  @MaxLength(11)
  equipmentReference!: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(4) ISOEquipmentCode?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => WeightDto) tareWeight?: WeightDto;
}

export class UtilizedTransportEquipmentDto {
  /** Transport Document shape. */
  @IsOptional() @NotArray() @ValidateNested() @Type(() => EquipmentDto) equipment?: EquipmentDto;
  /** Shipping Instructions shape, accepted because carriers forward it as is. */
  @IsOptional() @EquipmentReferenceCode() @IsString() @MaxLength(11) equipmentReference?: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(4) ISOEquipmentCode?: string;
  @IsOptional() @IsBoolean() isShipperOwned?: boolean;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SealDto)
  seals?: SealDto[];
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) cargoGrossWeight?: number;
  @IsOptional() @UpperCode() @IsIn(WEIGHT_UNITS) cargoGrossWeightUnit?: string;
}

export class VesselVoyageDto {
  @IsOptional() @FoldedText() @IsString() @MaxLength(50) vesselName?: string;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(50) carrierExportVoyageNumber?: string;
  @IsOptional() @TrimmedText() @IsString() @MaxLength(50) universalExportVoyageReference?: string;
  /** Not in eBL 3.0 (it was in eBL 2.0); read when a carrier includes it. */
  @IsOptional() @TrimmedText() @IsString() @Matches(IMO_NUMBER_PATTERN) vesselIMONumber?: string;
}

export class TransportsDto {
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LocationDto) placeOfReceipt?: LocationDto;
  @IsDefined() @NotArray() @ValidateNested() @Type(() => LocationDto) portOfLoading!: LocationDto;
  @IsDefined() @NotArray() @ValidateNested() @Type(() => LocationDto) portOfDischarge!: LocationDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LocationDto) placeOfDelivery?: LocationDto;
  @IsOptional() @UpperCode() @IsIn(MODE_OF_TRANSPORT_VALUES) preCarriageBy?: string;
  @IsOptional() @UpperCode() @IsIn(MODE_OF_TRANSPORT_VALUES) onCarriageBy?: string;
  @IsOptional()
  @IsArray()
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => VesselVoyageDto)
  vesselVoyages?: VesselVoyageDto[];
}

/** DCSA eBL 3.0.0 Transport Document, the fields screening reads. */
export class TransportDocumentDto {
  @IsDefined() @TrimmedText() @IsString() @Matches(/\S/) @MaxLength(20) transportDocumentReference!: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(3) transportDocumentTypeCode?: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(50) transportDocumentStatus?: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(4) carrierCode?: string;
  @IsOptional() @IsISO8601({ strict: true }) issueDate?: string;
  @IsOptional() @IsISO8601({ strict: true }) shippedOnBoardDate?: string;
  @IsDefined()
  @NotArray()
  @ValidateNested()
  @Type(() => DocumentPartiesDto)
  documentParties!: DocumentPartiesDto;
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ConsignmentItemDto)
  consignmentItems!: ConsignmentItemDto[];
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @NotArray({ each: true })
  @ValidateNested({ each: true })
  @Type(() => UtilizedTransportEquipmentDto)
  utilizedTransportEquipments!: UtilizedTransportEquipmentDto[];
  @IsDefined() @NotArray() @ValidateNested() @Type(() => TransportsDto) transports!: TransportsDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LicenseDto) exportLicense?: LicenseDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => LicenseDto) importLicense?: LicenseDto;
}

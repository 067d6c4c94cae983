import { MODES_OF_TRANSPORT } from '@chokepoint/contracts';
import { Type } from 'class-transformer';
import {
  buildMessage,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { FoldedText, UpperCode } from '../normalisation/source-transforms';
import { WEIGHT_UNITS } from '../normalisation/weight-units';

export const UN_LOCODE_PATTERN = /^[A-Z]{2}[A-Z2-9]{3}$/;
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
export const IMO_NUMBER_PATTERN = /^\d{7}$/;
export const MODE_OF_TRANSPORT_VALUES: readonly string[] = MODES_OF_TRANSPORT;

/**
 * @ValidateNested validates the elements of an array it is given where one object is expected, so
 * `"transports": [...]` would pass and reach a decoder that reads `transports.portOfLoading`; with
 * `each`, an element that is itself an array would (`"consignmentItems": [[]]`). Any other non-object
 * still fails @ValidateNested itself, with its own message.
 */
export const NotArray = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'notArray',
      validator: {
        validate: (value: unknown) => !Array.isArray(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an object, not an array`, options),
      },
    },
    options,
  );

export class WeightDto {
  @IsDefined() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) value!: number;
  @IsDefined() @UpperCode() @IsIn(WEIGHT_UNITS) unit!: string;
}

export class FacilityDto {
  @IsOptional() @UpperCode() @IsString() @MaxLength(20) facilityCode?: string;
  @IsOptional() @UpperCode() @IsString() @MaxLength(10) facilityCodeListProvider?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) facilityName?: string;
}

export class CityCountryDto {
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @UpperCode() @IsString() @Matches(COUNTRY_CODE_PATTERN) countryCode?: string;
}

export class DocumentReferenceTypeValue {
  @IsDefined() @UpperCode() @IsString() @MaxLength(3) type!: string;
  @IsDefined() @FoldedText() @IsString() @MaxLength(100) value!: string;
}

/** Location shapes shared by eBL and TNT: UN/LOCODE, name, facility, address/city with a country. */
export class LocationDto {
  @IsOptional() @UpperCode() @IsString() @Matches(UN_LOCODE_PATTERN) UNLocationCode?: string;
  @IsOptional() @FoldedText() @IsString() @MaxLength(100) locationName?: string;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => FacilityDto) facility?: FacilityDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => CityCountryDto) address?: CityCountryDto;
  @IsOptional() @NotArray() @ValidateNested() @Type(() => CityCountryDto) city?: CityCountryDto;
}

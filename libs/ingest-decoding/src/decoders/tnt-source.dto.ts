import { IsDefined, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  EquipmentReferenceCode,
  FoldedText,
  TrimmedText,
  UpperCode,
} from '../normalisation/source-transforms';
import { COUNTRY_CODE_PATTERN, IMO_NUMBER_PATTERN } from './shared-source.dto';

export const EVENT_CLASSIFIER_VALUES = ['PLN', 'EST', 'REQ', 'ACT'];
export const EMPTY_INDICATOR_VALUES = ['EMPTY', 'LADEN'];

/** Decorator stacks shared by the three TNT versions. */
export const EventId = (): PropertyDecorator[] => [TrimmedText(), IsString(), Matches(/\S/), MaxLength(100)];

export function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export const RequiredDateTime = (): PropertyDecorator =>
  applyAll([
    IsDefined(),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/T/, { message: '$property must be a date-time' }),
  ]);
export const OptionalDateTime = (): PropertyDecorator =>
  applyAll([
    IsOptional(),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/T/, { message: '$property must be a date-time' }),
  ]);
export const OptionalEquipmentReference = (): PropertyDecorator =>
  applyAll([IsOptional(), EquipmentReferenceCode(), IsString(), Matches(/\S/), MaxLength(11)]);
export const OptionalCode = (max: number): PropertyDecorator =>
  applyAll([IsOptional(), UpperCode(), IsString(), MaxLength(max)]);
export const OptionalText = (max: number): PropertyDecorator =>
  applyAll([IsOptional(), FoldedText(), IsString(), MaxLength(max)]);
export const OptionalImo = (): PropertyDecorator =>
  applyAll([IsOptional(), TrimmedText(), IsString(), Matches(IMO_NUMBER_PATTERN)]);
export const OptionalCountry = (): PropertyDecorator =>
  applyAll([IsOptional(), UpperCode(), IsString(), Matches(COUNTRY_CODE_PATTERN)]);
export const OptionalEnum = (values: string[]): PropertyDecorator =>
  applyAll([IsOptional(), UpperCode(), IsIn(values)]);

export class TntSealDto {
  @IsDefined() @UpperCode() @IsString() @Matches(/\S/) @MaxLength(50) number!: string;
  @OptionalCode(5) source?: string;
  @OptionalCode(5) type?: string;
}

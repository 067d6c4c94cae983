import { Transform } from 'class-transformer';

/**
 * Normalisation happens while the source message becomes a DTO, so validation sees normalised values
 * and still reports source paths. Non-strings pass through untouched for the type checks to catch.
 */
export function foldWhitespace(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Codes (UN/LOCODE, country, ISO equipment type, event codes): trimmed, inner spaces dropped, upper case. */
export function normaliseCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Container numbers are printed with spaces or dashes ("MSKU 266654-2"); the identity is letters and digits. */
export function normaliseEquipmentReference(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/** HS codes arrive as "8401.10", "8401 10 00": only the digits carry meaning. */
export function normaliseHsCode(value: string): string {
  return value.replace(/[\s.-]+/g, '');
}

const whenString =
  (fn: (value: string) => string) =>
  ({ value }: { value: unknown }): unknown =>
    typeof value === 'string' ? fn(value) : value;

const eachString =
  (fn: (value: string) => string) =>
  ({ value }: { value: unknown }): unknown =>
    Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? fn(item) : item)) : value;

export const FoldedText = (): PropertyDecorator => Transform(whenString(foldWhitespace));
export const TrimmedText = (): PropertyDecorator => Transform(whenString((v) => v.trim()));
export const UpperCode = (): PropertyDecorator => Transform(whenString(normaliseCode));
export const EquipmentReferenceCode = (): PropertyDecorator =>
  Transform(whenString(normaliseEquipmentReference));
export const HsCodes = (): PropertyDecorator => Transform(eachString(normaliseHsCode));
export const FoldedTextLines = (): PropertyDecorator => Transform(eachString(foldWhitespace));

import { Transform } from 'class-transformer';

/**
 * Normalisation happens while the source message becomes a DTO, so validation sees normalised values
 * and still reports source paths. Non-strings pass through untouched for the type checks to catch.
 */
export function foldWhitespace(value: string): string {
  return isFoldedAscii(value) ? value : value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Printable ASCII with single inner spaces is already folded (ASCII is its own NFC): most names are, and
 * a loop over their characters costs a third of normalize + replace + trim.
 */
function isFoldedAscii(value: string): boolean {
  let previous = 0x20;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7e || c < 0x20 || (c === 0x20 && previous === 0x20)) {
      return false;
    }
    previous = c;
  }
  return previous !== 0x20 || value.length === 0;
}

/** Printable ASCII with no space, no lower-case letter and none of `extra` is already normalised. */
function isUpperAsciiWithout(value: string, extra: number): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x20 || c > 0x7e || (c >= 0x61 && c <= 0x7a) || c === extra) {
      return false;
    }
  }
  return true;
}

/** Codes (UN/LOCODE, country, ISO equipment type, event codes): trimmed, inner spaces dropped, upper case. */
export function normaliseCode(value: string): string {
  return isUpperAsciiWithout(value, 0x20) ? value : value.replace(/\s+/g, '').toUpperCase();
}

/** Container numbers are printed with spaces or dashes ("MSKU 266654-2"); the identity is letters and digits. */
export function normaliseEquipmentReference(value: string): string {
  return isUpperAsciiWithout(value, 0x2d) ? value : value.replace(/[\s-]+/g, '').toUpperCase();
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

import type { CanonicalLocation } from '@chokepoint/contracts';

/** ISO 3166 country of a location: the UN/LOCODE's first two letters, else the stated country. */
export function countryOf(location: CanonicalLocation | undefined): string | null {
  if (!location) {
    return null;
  }
  if (location.unLocode) {
    return location.unLocode.slice(0, 2);
  }
  return location.countryCode ?? null;
}

export function isInside(location: CanonicalLocation | undefined, jurisdiction: string): boolean {
  return countryOf(location) === jurisdiction;
}

/** Unknown location (no code at all) is neither inside nor outside. */
export function isOutside(location: CanonicalLocation | undefined, jurisdiction: string): boolean {
  const country = countryOf(location);
  return country !== null && country !== jurisdiction;
}

export function describeLocation(location: CanonicalLocation | undefined): string | null {
  if (!location) {
    return null;
  }
  return location.unLocode ?? location.name ?? location.countryCode ?? null;
}

const CODE_0 = 48;

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - CODE_0;
  const units = text.charCodeAt(at + 1) - CODE_0;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` (what the decoders and toISOString give),
 * read from char codes: times are parsed many times per screening. Anything else, and the corners
 * where Date.parse is lenient (days 29-31, hour 24, years before 100), is left to Date.parse.
 */
function parseCommonIsoTime(iso: string): number | undefined {
  const length = iso.length;
  if (
    (length !== 20 && length !== 24) ||
    iso.charCodeAt(length - 1) !== 90 || // Z
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58
  ) {
    return undefined;
  }
  let millis = 0;
  if (length === 24) {
    const hundreds = twoDigits(iso, 20);
    const last = iso.charCodeAt(22) - CODE_0;
    if (iso.charCodeAt(19) !== 46 || hundreds < 0 || last < 0 || last > 9) {
      return undefined;
    }
    millis = hundreds * 10 + last;
  }
  const century = twoDigits(iso, 0);
  const year = twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  if (
    century < 1 ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return undefined;
  }
  return Date.UTC(century * 100 + year, month - 1, day, hour, minute, second, millis);
}

/** Date-only expiries (YYYY-MM-DD) count to the end of that day. */
export function parseEventTime(iso: string, endOfDay = false): number {
  const ms = parseCommonIsoTime(iso) ?? Date.parse(iso);
  if (endOfDay && iso.length === 10) {
    return ms + 86_399_999;
  }
  return ms;
}

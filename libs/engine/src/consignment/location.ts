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

/** Date-only expiries (YYYY-MM-DD) count to the end of that day. */
export function parseEventTime(iso: string, endOfDay = false): number {
  const ms = Date.parse(iso);
  if (endOfDay && iso.length === 10) {
    return ms + 86_399_999;
  }
  return ms;
}

import { ANOMALY_CODES, type Anomaly, type CanonicalLocation, type Vessel } from '@chokepoint/contracts';
import type { ReferenceData } from '@chokepoint/reference-data';
import { isValidImoNumber } from '../check-digits/imo-number';
import { isValidIso6346 } from '../check-digits/iso6346';

export interface SourceLocation {
  unLocode?: string;
  name?: string;
  countryCode?: string;
  facilityCode?: string;
  facilityCodeListProvider?: string;
}

export interface SourceVessel {
  imoNumber?: string;
  name?: string;
  flag?: string;
  mmsi?: string;
  voyageNumber?: string;
}

/** Collects anomalies (oddities that do not reject a message) while a decoder builds one canonical event. */
export class DecodingContext {
  readonly anomalies: Anomaly[] = [];

  constructor(private readonly referenceData: ReferenceData) {}

  location(source: SourceLocation, path: string): CanonicalLocation {
    const location: CanonicalLocation = {
      unLocode: source.unLocode,
      name: source.name,
      countryCode: source.countryCode,
      facilityCode: source.facilityCode,
      facilityCodeListProvider: source.facilityCodeListProvider,
    };
    if (source.unLocode) {
      const entry = this.referenceData.unLocodes.lookup(source.unLocode);
      location.known = entry !== undefined;
      location.countryCode = source.unLocode.slice(0, 2);
      location.name ??= entry?.name;
      if (!entry) {
        this.anomalies.push({
          code: ANOMALY_CODES.unknownUnLocode,
          path: `${path}.UNLocationCode`,
          message: `UN/LOCODE ${source.unLocode} is not in the UN/LOCODE reference data`,
        });
      }
    }
    if (location.countryCode) {
      this.country(location.countryCode, source.unLocode ? `${path}.UNLocationCode` : `${path}.countryCode`);
    }
    return location;
  }

  /** Records UNKNOWN_COUNTRY when the code is not ISO 3166; returns whether it is known. */
  country(alpha2: string, path: string): boolean {
    if (this.referenceData.countries.isValid(alpha2)) {
      return true;
    }
    this.anomalies.push({
      code: ANOMALY_CODES.unknownCountry,
      path,
      message: `country code ${alpha2} is not an ISO 3166-1 alpha-2 code`,
    });
    return false;
  }

  equipmentCheckDigit(reference: string, path: string): boolean {
    const valid = isValidIso6346(reference);
    if (!valid) {
      this.anomalies.push({
        code: ANOMALY_CODES.equipmentCheckDigit,
        path,
        message: `container number ${reference} fails the ISO 6346 check digit`,
      });
    }
    return valid;
  }

  vessel(source: SourceVessel, path: string): Vessel {
    const vessel: Vessel = {
      imoNumber: source.imoNumber,
      name: source.name,
      flag: source.flag,
      mmsi: source.mmsi,
      voyageNumber: source.voyageNumber,
    };
    if (source.imoNumber !== undefined) {
      vessel.imoCheckDigitValid = isValidImoNumber(source.imoNumber);
      if (!vessel.imoCheckDigitValid) {
        this.anomalies.push({
          code: ANOMALY_CODES.vesselImoCheckDigit,
          path: `${path}.vesselIMONumber`,
          message: `IMO number ${source.imoNumber} fails its check digit`,
        });
      }
    }
    if (vessel.flag === undefined && source.mmsi !== undefined) {
      vessel.flag = this.referenceData.maritimeIdentificationDigits.flagOf(source.mmsi);
    }
    if (vessel.flag !== undefined) {
      this.country(vessel.flag, `${path}.vesselFlag`);
    }
    return vessel;
  }
}

/** Drops undefined properties (deeply) so canonical JSON is stable and golden files stay readable. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => withoutUndefined(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) {
        out[key] = withoutUndefined(item);
      }
    }
    return out as T;
  }
  return value;
}

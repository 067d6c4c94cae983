import { DEFAULT_REFERENCE_DATA_DIR, readReferenceCsv } from './reference-data-files';

/** ITU Maritime Identification Digits: the first three digits of a ship's MMSI name its flag state. */
export class MaritimeIdentificationDigits {
  private byMid?: Map<string, string>;

  constructor(private readonly dataDir: string = DEFAULT_REFERENCE_DATA_DIR) {}

  /** ISO 3166 alpha-2 flag for a MID ("445") or a full MMSI ("445123456"). */
  flagOf(midOrMmsi: string): string | undefined {
    const digits = midOrMmsi.trim();
    if (!/^\d{3}(\d{6})?$/.test(digits)) {
      return undefined;
    }
    return this.load().get(digits.slice(0, 3));
  }

  get size(): number {
    return this.load().size;
  }

  private load(): Map<string, string> {
    if (!this.byMid) {
      this.byMid = new Map(
        readReferenceCsv(this.dataDir, 'maritime-identification-digits.csv').map((r) => [
          r.mid ?? '',
          r.alpha2 ?? '',
        ]),
      );
    }
    return this.byMid;
  }
}

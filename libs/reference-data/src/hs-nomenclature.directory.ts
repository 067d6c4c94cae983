import { DEFAULT_REFERENCE_DATA_DIR, readReferenceCsv } from './reference-data-files';

/** Harmonized System 2022 headings (2, 4 and 6 digits) with their descriptions. */
export class HsNomenclature {
  private byCode?: Map<string, string>;

  constructor(private readonly dataDir: string = DEFAULT_REFERENCE_DATA_DIR) {}

  /** Description of the code, or of its nearest known parent (national 8-10 digit codes end in HS6). */
  describe(code: string): string | undefined {
    const digits = code.replace(/\D/g, '');
    const codes = this.load();
    for (const length of [6, 4, 2]) {
      if (digits.length >= length) {
        const description = codes.get(digits.slice(0, length));
        if (description !== undefined) {
          return description;
        }
      }
    }
    return undefined;
  }

  has(code: string): boolean {
    return this.load().has(code.replace(/\D/g, ''));
  }

  get size(): number {
    return this.load().size;
  }

  private load(): Map<string, string> {
    if (!this.byCode) {
      this.byCode = new Map(
        readReferenceCsv(this.dataDir, 'harmonized-system.csv').map((r) => [
          r.hscode ?? '',
          r.description ?? '',
        ]),
      );
    }
    return this.byCode;
  }
}

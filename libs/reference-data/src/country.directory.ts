import { DEFAULT_REFERENCE_DATA_DIR, readReferenceCsv } from './reference-data-files';

export interface Country {
  alpha2: string;
  alpha3: string;
  name: string;
}

/** ISO 3166-1 countries, loaded on first use. */
export class CountryDirectory {
  private byAlpha2?: Map<string, Country>;

  constructor(private readonly dataDir: string = DEFAULT_REFERENCE_DATA_DIR) {}

  get(alpha2: string): Country | undefined {
    return this.load().get(alpha2.trim().toUpperCase());
  }

  isValid(alpha2: string): boolean {
    return this.get(alpha2) !== undefined;
  }

  name(alpha2: string): string | undefined {
    return this.get(alpha2)?.name;
  }

  get size(): number {
    return this.load().size;
  }

  private load(): Map<string, Country> {
    if (!this.byAlpha2) {
      this.byAlpha2 = new Map(
        readReferenceCsv(this.dataDir, 'country-codes.csv').map((r) => [
          r.alpha2 ?? '',
          { alpha2: r.alpha2 ?? '', alpha3: r.alpha3 ?? '', name: r.name ?? '' },
        ]),
      );
    }
    return this.byAlpha2;
  }
}

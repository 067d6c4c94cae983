import { DEFAULT_REFERENCE_DATA_DIR, readReferenceCsv } from './reference-data-files';

export interface UnLocodeEntry {
  code: string;
  countryCode: string;
  name: string;
  /** UN/LOCODE function classifier, eight positions, e.g. `1-3-----`. */
  functions: string;
  isPort: boolean;
  isRailTerminal: boolean;
  isRoadTerminal: boolean;
  isAirport: boolean;
  isBorderCrossing: boolean;
  lat?: number;
  lon?: number;
}

interface Row {
  name: string;
  functions: string;
  lat?: number;
  lon?: number;
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** UN/LOCODE locations (116k rows): loaded on first lookup, entries built per lookup to keep memory flat. */
export class UnLocodeDirectory {
  private rows?: Map<string, Row>;

  constructor(private readonly dataDir: string = DEFAULT_REFERENCE_DATA_DIR) {}

  lookup(code: string): UnLocodeEntry | undefined {
    const normalised = code.replace(/\s+/g, '').toUpperCase();
    const row = this.load().get(normalised);
    if (!row) {
      return undefined;
    }
    const f = row.functions;
    return {
      code: normalised,
      countryCode: normalised.slice(0, 2),
      name: row.name,
      functions: f,
      isPort: f[0] === '1',
      isRailTerminal: f[1] === '2',
      isRoadTerminal: f[2] === '3',
      isAirport: f[3] === '4',
      isBorderCrossing: f.includes('B'),
      lat: row.lat,
      lon: row.lon,
    };
  }

  has(code: string): boolean {
    return this.lookup(code) !== undefined;
  }

  get size(): number {
    return this.load().size;
  }

  private load(): Map<string, Row> {
    if (!this.rows) {
      const rows = new Map<string, Row>();
      for (const r of readReferenceCsv(this.dataDir, 'unlocode.csv')) {
        rows.set(`${r.country ?? ''}${r.location ?? ''}`, {
          name: r.nameWoDiacritics ?? '',
          functions: r.function ?? '',
          lat: toNumber(r.lat),
          lon: toNumber(r.lon),
        });
      }
      this.rows = rows;
    }
    return this.rows;
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NegativeCase } from '@chokepoint/sanctions';

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text.charAt(i + 1) === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function column(path: string, name: string): string[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const at = header?.indexOf(name) ?? -1;
  if (at < 0) {
    throw new Error(`${path}: no column ${name}`);
  }
  return rows.map((row) => (row[at] ?? '').trim()).filter((value) => value.length > 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Real names that are not sanctioned parties, from the shared reference data folder. */
export function readNegativeNames(dataDir: string): NegativeCase[] {
  const vessels = unique(
    column(join(dataDir, 'maritime_ref/MARAD_USFlag_Fleet_2023-04-10.csv'), 'Vessel Name'),
  );
  const wpi = join(dataDir, 'maritime_ref/NGA_WPI_UpdatedPub150.csv');
  const ports = unique([...column(wpi, 'Main Port Name'), ...column(wpi, 'Alternate Port Name')]);
  const locodeDir = join(dataDir, 'unlocode/by_country');
  const places = unique(
    readdirSync(locodeDir)
      .filter((file) => file.endsWith('.csv'))
      .sort()
      .flatMap((file) => column(join(locodeDir, file), 'nameWoDiacritics')),
  );
  return [
    ...vessels.map((query) => ({ query, source: 'vessel (MARAD)' })),
    ...ports.map((query) => ({ query, source: 'port (NGA WPI)' })),
    ...places.map((query) => ({ query, source: 'place (UN/LOCODE)' })),
  ];
}

/** The sample of those names shipped with the project (libs/sanctions/data, columns source and name). */
export function readNegativeSample(path: string): NegativeCase[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const source = header?.indexOf('source') ?? -1;
  const name = header?.indexOf('name') ?? -1;
  if (source < 0 || name < 0) {
    throw new Error(`${path}: expected columns source and name`);
  }
  return rows
    .map((row) => ({ query: (row[name] ?? '').trim(), source: (row[source] ?? '').trim() }))
    .filter((entry) => entry.query.length > 0);
}

/** Whether `dataDir` holds the reference files readNegativeNames reads. */
export function hasReferenceData(dataDir: string): boolean {
  return [
    'maritime_ref/MARAD_USFlag_Fleet_2023-04-10.csv',
    'maritime_ref/NGA_WPI_UpdatedPub150.csv',
    'unlocode/by_country',
  ].every((path) => existsSync(join(dataDir, path)));
}

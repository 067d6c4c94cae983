// Rebuilds libs/reference-data/data from the verbatim copies in /work/shared/data (or $SHARED_DATA).
// Run: node libs/reference-data/scripts/compact-data.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const src = process.env.SHARED_DATA ?? '/work/shared/data';
const out = join(import.meta.dirname, '..', 'data');

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}
const records = (file) => {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
};
const q = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const write = (name, header, rows) =>
  writeFileSync(
    join(out, name),
    [header, ...rows].map((r) => r.map((v) => q(String(v))).join(',')).join('\n') + '\n',
  );
const round = (v) => (v === '' ? '' : String(Math.round(Number(v) * 1e4) / 1e4));

// UN/LOCODE: one file, only the columns the product reads, coordinates to 4 decimals (~11 m).
const dir = join(src, 'unlocode', 'by_country');
const locodes = [];
for (const f of readdirSync(dir)
  .filter((n) => n.endsWith('.csv'))
  .sort()) {
  for (const r of records(join(dir, f))) {
    locodes.push([
      r.country,
      r.location,
      r.nameWoDiacritics || r.name,
      r.function,
      round(r.lat),
      round(r.lon),
    ]);
  }
}
write('unlocode.csv', ['country', 'location', 'nameWoDiacritics', 'function', 'lat', 'lon'], locodes);

const countries = records(join(src, 'country_codes', 'country-codes.csv'))
  .filter((r) => r['ISO3166-1-Alpha-2'])
  .map((r) => [r['ISO3166-1-Alpha-2'], r['ISO3166-1-Alpha-3'], r['CLDR display name'] || r.official_name_en]);
write('country-codes.csv', ['alpha2', 'alpha3', 'name'], countries);

// MID names are ITU's ("Viet Nam (Socialist Republic of)"); resolve them to alpha-2 once, here.
const norm = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
const byName = new Map();
for (const r of records(join(src, 'country_codes', 'country-codes.csv'))) {
  for (const k of [
    'CLDR display name',
    'official_name_en',
    'UNTERM English Short',
    'UNTERM English Formal',
  ]) {
    if (r[k] && r['ISO3166-1-Alpha-2']) {
      byName.set(norm(r[k]), r['ISO3166-1-Alpha-2']);
    }
  }
}
const overrides = JSON.parse(readFileSync(join(import.meta.dirname, 'mid-overrides.json'), 'utf8'));
const mids = [];
const unresolved = [];
for (const r of records(join(src, 'maritime_ref', 'MaritimeIdentificationDigits.csv'))) {
  const parts = r.Allocated_to.split(' - ');
  const alpha2 =
    overrides[r.MID] ??
    [...parts]
      .reverse()
      .map((p) => byName.get(norm(p)))
      .find(Boolean);
  if (!alpha2) {
    unresolved.push(`${r.MID} ${r.Allocated_to}`);
    continue;
  }
  mids.push([r.MID, alpha2, r.Allocated_to]);
}
if (unresolved.length > 0) {
  console.error('unresolved MIDs:\n' + unresolved.join('\n'));
  process.exitCode = 1;
}
write('maritime-identification-digits.csv', ['mid', 'alpha2', 'allocatedTo'], mids);

const hs = records(join(src, 'hs', 'harmonized-system.csv')).map((r) => [r.hscode, r.description]);
write('harmonized-system.csv', ['hscode', 'description'], hs);
console.log(
  `unlocode ${locodes.length}, countries ${countries.length}, mids ${mids.length}, hs ${hs.length}`,
);

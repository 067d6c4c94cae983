// Engine screenings per second on one core (one single-threaded loop) with the full UN list loaded,
// then with a synthetic list 100x larger. Figures on a shared machine are noisy: compare runs, not digits.
// Usage: npm run bench:engine -- [--seconds 4] [--warmup 1] [--scale 100 (0: UN list only)] [--consignments 20000] [--seed 7]
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CanonicalLocation,
  ConsignmentManifest,
  GoodsItem,
  ManifestEquipment,
  MovementEvent,
  Party,
  SanctionsScreener,
  Vessel,
} from '@chokepoint/contracts';
import {
  applyManifest,
  applyMovement,
  ConsignmentGoodsFactsCache,
  type ConsignmentState,
  isValidContainerNumber,
  loadRulePackFile,
  MemoisedSanctionsScreener,
  type RulePack,
  type ScreeningContext,
} from '@chokepoint/engine';
import { DEFAULT_REFERENCE_DATA_DIR, parseCsvRecords } from '@chokepoint/reference-data';
import {
  buildCompanyLikeNames,
  parseUnConsolidatedList,
  perturbName,
  SanctionsIndex,
  SeededRandom,
  type SanctionsEntry,
  type SanctionsList,
} from '@chokepoint/sanctions';
import { scriptOptions } from '../script-cli';

const USAGE =
  'usage: npm run bench:engine -- [--seconds 4] [--warmup 1] [--scale 100 (0: UN list only)]\n' +
  '         [--consignments 20000] [--seed 7] [--only fresh,manifest,memo,movement,reloaded]';
const values = scriptOptions('bench-engine', USAGE, {
  seconds: { type: 'string', default: '4' },
  warmup: { type: 'string', default: '1' },
  scale: { type: 'string', default: '100' },
  consignments: { type: 'string', default: '20000' },
  seed: { type: 'string', default: '7' },
  // Comma list of workloads to run (for profiling one at a time): fresh, manifest, memo, movement, reloaded.
  only: { type: 'string', default: 'fresh,manifest,memo,movement,reloaded' },
});
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const scale = Number(values.scale);
const consignmentCount = Number(values.consignments);
const workloads = new Set(values.only.split(','));
const random = new SeededRandom(Number(values.seed));
const JURISDICTION = 'VN';
const sanctionsDir = join(__dirname, '../../libs/sanctions/data');

// ---------------------------------------------------------------------------------------------------
// Workload: canonical manifests and their movements, as ingest would hand them to screening.

const VN_PORTS = ['VNHPH', 'VNCLI', 'VNSGN', 'VNCMT', 'VNVUT', 'VNDAD', 'VNQNH', 'VNDVU', 'VNTOT', 'VNCMY'];
const VN_PORT_WEIGHTS = [30, 25, 10, 12, 5, 6, 4, 4, 3, 1];
const VN_BORDERS = ['VNLGS', 'VNLCA', 'VNMOC'];
const FOREIGN_PORTS = [
  'CNSHA', 'CNNGB', 'CNSZX', 'CNTAO', 'CNXMN', 'HKHKG', 'SGSIN', 'KRPUS', 'JPTYO', 'JPYOK', 'JPOSA',
  'TWKHH', 'MYPKG', 'MYTPP', 'THLCH', 'IDJKT', 'PHMNL', 'KHKOS', 'INNSA', 'LKCMB', 'AEJEA', 'NLRTM',
  'DEHAM', 'BEANR', 'USLAX', 'USLGB', 'USNYC', 'AUSYD', 'AUMEL',
]; // prettier-ignore
const RISKY_DESTINATIONS = ['KPNAM', 'IRBND', 'SYLTK', 'LYTIP', 'SDPZU'];
const INLAND_DELIVERIES = ['CNNNG', 'CNKMG', 'LAVTE', 'KHPNH'];
const CARRIERS = ['MAEU', 'MSCU', 'CMDU', 'COSU', 'ONEY', 'HLCU', 'EGLV', 'YMLU', 'HDMU', 'ZIMU'];
const FLAGS = ['DK', 'PA', 'LR', 'MH', 'SG', 'HK', 'MT', 'CN', 'VN', 'GR'];
const OWNER_CODES = ['MSK', 'MSC', 'CMA', 'CSN', 'ONE', 'HLX', 'EGH', 'YML', 'HDM', 'ZIM', 'TGH', 'TCL'];

function pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let roll = random.next() * total;
  for (let i = 0; i < items.length; i++) {
    roll -= weights[i] ?? 0;
    if (roll < 0) {
      return items[i] as T;
    }
  }
  return items[items.length - 1] as T;
}

function place(unLocode: string): CanonicalLocation {
  return { unLocode, countryCode: unLocode.slice(0, 2), known: true };
}

function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += String(random.int(10));
  }
  return text;
}

function containerNumber(): string {
  const firstTen = `${random.pick(OWNER_CODES)}U${digits(6)}`;
  for (let check = 0; check < 10; check++) {
    if (isValidContainerNumber(`${firstTen}${check}`)) {
      return `${firstTen}${check}`;
    }
  }
  return containerNumber();
}

function imoNumber(): string {
  const six = `${1 + random.int(9)}${digits(5)}`;
  let sum = 0;
  for (let i = 0; i < 6; i++) {
    sum += Number(six.charAt(i)) * (7 - i);
  }
  return `${six}${sum % 10}`;
}

interface HsLine {
  code: string;
  description: string;
}

function hsSubheadings(): { all: HsLine[]; strategic: HsLine[] } {
  const rows = parseCsvRecords(
    readFileSync(join(DEFAULT_REFERENCE_DATA_DIR, 'harmonized-system.csv'), 'utf8'),
  );
  const all = rows
    .filter((row) => row.hscode?.length === 6)
    .map((row) => ({ code: row.hscode ?? '', description: row.description ?? '' }));
  const strategicPrefixes = [
    '93',
    '8710',
    '2844',
    '8401',
    '842119',
    '8456',
    '8457',
    '8458',
    '9013',
    '8806',
    '2812',
    '2920',
    '2930',
    '2931',
    '6815',
    '9014',
    '841210',
  ];
  const strategic = all.filter((line) => strategicPrefixes.some((prefix) => line.code.startsWith(prefix)));
  return { all, strategic };
}

function partyNamePool(un: SanctionsList): { regular: string[]; listed: string[] } {
  const sample = readFileSync(join(sanctionsDir, 'negative-names.sample.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.slice(line.indexOf(',') + 1).replace(/"/g, ''));
  const regular = buildCompanyLikeNames(sample, random, Math.min(4000, sample.length));
  const listed = un.entries
    .filter((entry) => entry.kind === 'ENTITY')
    .map((entry) => perturbName(entry.name, 'LEGAL_FORM', random) ?? entry.name);
  return { regular, listed };
}

export interface Story {
  manifest: ConsignmentManifest;
  movements: MovementEvent[];
}

type Stage = 'EXPORT' | 'IMPORT' | 'TRANSSHIPMENT' | 'TRANSIT';

export function buildStories(count: number, un: SanctionsList): Story[] {
  const hs = hsSubheadings();
  const names = partyNamePool(un);
  const start = Date.parse('2026-03-01T00:00:00.000Z');
  const stories: Story[] = [];
  for (let n = 0; n < count; n++) {
    const stage = pickWeighted<Stage>(['EXPORT', 'IMPORT', 'TRANSSHIPMENT', 'TRANSIT'], [40, 35, 20, 5]);
    const vnPort = pickWeighted(VN_PORTS, VN_PORT_WEIGHTS);
    const foreign = random.next() < 0.01 ? random.pick(RISKY_DESTINATIONS) : random.pick(FOREIGN_PORTS);
    const other = random.pick(FOREIGN_PORTS);
    const route =
      stage === 'EXPORT'
        ? { portOfLoading: place(vnPort), portOfDischarge: place(foreign) }
        : stage === 'IMPORT'
          ? { portOfLoading: place(foreign), portOfDischarge: place(vnPort) }
          : stage === 'TRANSSHIPMENT'
            ? { portOfLoading: place(other), portOfDischarge: place(vnPort), placeOfDelivery: place(foreign) }
            : {
                portOfLoading: place(other),
                portOfDischarge: place(vnPort),
                placeOfDelivery: place(random.pick(INLAND_DELIVERIES)),
                onCarriageBy: 'TRUCK' as const,
              };
    const vessel: Vessel = {
      imoNumber: imoNumber(),
      name: `${random.pick(CARRIERS)} ${random.pick(names.regular).split(' ')[0] ?? 'STAR'}`,
      flag: random.pick(FLAGS),
      voyageNumber: `${digits(3)}${random.pick(['E', 'W', 'N', 'S'])}`,
    };
    const containers = Array.from({ length: 1 + random.int(3) }, containerNumber);
    const equipment: ManifestEquipment[] = containers.map((reference) => ({
      reference,
      referenceCheckDigitValid: true,
      isoEquipmentCode: random.pick(['22G1', '45G1', '42G1']),
      tareWeightKg: 2200 + random.int(1800),
      cargoGrossWeightKg: 8000 + random.int(18000),
      seals: [{ number: `SL${digits(7)}`, source: 'CAR' }],
    }));
    const goodsItems: GoodsItem[] = Array.from({ length: 1 + random.int(3) }, (_, index) => {
      const line = random.next() < 0.03 ? random.pick(hs.strategic) : random.pick(hs.all);
      const hsCode = random.next() < 0.3 ? `${line.code}${digits(2)}` : line.code;
      return {
        sequence: index + 1,
        hsCodes: [hsCode],
        description: random.next() < 0.04 ? 'GENERAL CARGO' : line.description.toUpperCase(),
        packageCount: 10 + random.int(2000),
        packageCode: random.pick(['CT', 'PK', 'PX', 'BG', 'DR']),
        grossWeightKg: 500 + random.int(20000),
        equipmentReferences: [random.pick(containers)],
        licences: random.next() < 0.05 ? [{ kind: 'EXPORT', scope: 'CONSIGNMENT_ITEM', reference: `VN-BCT-${digits(6)}`, issueDate: '2026-01-01', expiryDate: '2026-12-31' }] : [], // prettier-ignore
        unNumbers: [],
      };
    });
    const nameOf = (): string =>
      random.next() < 0.005 ? random.pick(names.listed) : random.pick(names.regular);
    const consignee = nameOf();
    const parties: Party[] = [
      { role: 'SHIPPER', name: nameOf(), countryCode: route.portOfLoading.countryCode, identifyingCodes: [] },
      { role: 'CONSIGNEE', name: consignee, countryCode: foreign.slice(0, 2), identifyingCodes: [] },
    ];
    if (random.next() < 0.6) {
      // Notify party is usually the consignee again ("same as consignee"), sometimes a broker.
      const notify = random.next() < 0.7 ? consignee : nameOf();
      parties.push({ role: 'NOTIFY', name: notify, identifyingCodes: [] });
    }
    const reference = `${random.pick(CARRIERS)}${digits(9)}`;
    const receivedMs = start + n * 1000;
    const manifest: ConsignmentManifest = {
      schemaVersion: 1,
      kind: 'MANIFEST',
      transportDocumentReference: reference,
      bookingReferences: [`BK${digits(8)}`],
      transportDocumentType: 'BOL',
      carrierCode: reference.slice(0, 4),
      receivedAt: new Date(receivedMs).toISOString(),
      parties,
      goodsItems,
      equipment,
      licences: [],
      route: { ...route, vesselVoyages: [vessel] },
      source: { topic: 'port.manifests.v1', partition: 0, offset: String(n), format: 'DCSA_EBL_3_0_0' },
      anomalies: [],
    };
    stories.push({ manifest, movements: journeyOf(stage, manifest, vnPort, vessel, receivedMs) });
  }
  return stories;
}

/** The container events a terminal reports for this stage: 3 to 5 per container. */
function journeyOf(
  stage: Stage,
  manifest: ConsignmentManifest,
  vnPort: string,
  vessel: Vessel,
  fromMs: number,
): MovementEvent[] {
  const steps: { code: string; at: string; mode?: MovementEvent['modeOfTransport']; withVessel?: boolean }[] =
    stage === 'EXPORT'
      ? [{ code: 'GTIN', at: vnPort, mode: 'TRUCK' }, { code: 'LOAD', at: vnPort, withVessel: true }, { code: 'DEPA', at: vnPort, withVessel: true }]
      : stage === 'IMPORT'
        ? [{ code: 'ARRI', at: vnPort, withVessel: true }, { code: 'DISC', at: vnPort, withVessel: true }, { code: 'GTOT', at: vnPort, mode: 'TRUCK' }]
        : stage === 'TRANSSHIPMENT'
          ? [{ code: 'DISC', at: vnPort, withVessel: true }, { code: 'INSP', at: vnPort }, { code: 'LOAD', at: vnPort, withVessel: true }]
          : [{ code: 'DISC', at: vnPort, withVessel: true }, { code: 'GTOT', at: vnPort, mode: 'TRUCK' }, { code: 'GTOT', at: random.pick(VN_BORDERS), mode: 'TRUCK' }]; // prettier-ignore
  const movements: MovementEvent[] = [];
  let atMs = fromMs + 3_600_000;
  for (const equipment of manifest.equipment) {
    for (const step of steps) {
      atMs += 600_000 + random.int(7_200_000);
      const eventDateTime = new Date(atMs).toISOString();
      movements.push({
        schemaVersion: 1,
        kind: 'MOVEMENT',
        eventId: `${step.code}-${step.at}-${equipment.reference}-${eventDateTime}`,
        originatingParty: `TOS-${step.at}`,
        action: 'UPSERT',
        eventKind: 'EQUIPMENT',
        eventCode: step.code,
        classifier: 'ACT',
        eventDateTime,
        location: place(step.at),
        equipmentReference: equipment.reference,
        equipmentReferenceCheckDigitValid: true,
        emptyIndicator: 'LADEN',
        ...(step.mode ? { modeOfTransport: step.mode } : { modeOfTransport: 'VESSEL' as const }),
        ...(step.withVessel ? { vessel } : {}),
        seals: equipment.seals,
        ...(step.code === 'GTIN' || step.code === 'GTOT' ? { grossWeightKg: (equipment.cargoGrossWeightKg ?? 0) + (equipment.tareWeightKg ?? 0) } : {}), // prettier-ignore
        documentReferences: [{ type: 'TRD', value: manifest.transportDocumentReference }],
        source: { topic: 'port.movements.v1', partition: 0, offset: '0', format: 'DCSA_TNT_3_0_0' },
        anomalies: [],
      });
    }
  }
  return movements.sort((a, b) => a.eventDateTime.localeCompare(b.eventDateTime));
}

// ---------------------------------------------------------------------------------------------------
// Sanctions lists.

/** Entries made by recombining tokens of two real names and adding a typo, so the vocabulary grows too. */
function syntheticList(base: SanctionsList, times: number): SanctionsList {
  const names = base.entries.flatMap((entry) => [entry.name, ...entry.aliases.map((alias) => alias.name)]);
  const mix = (name: string): string => {
    const a = name.split(/\s+/);
    const b = random.pick(names).split(/\s+/);
    const mixed = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ');
    return perturbName(mixed, 'TYPO_SUBSTITUTION', random) ?? mixed;
  };
  const entries: SanctionsEntry[] = [];
  for (let copy = 1; copy < times; copy++) {
    for (const entry of base.entries) {
      entries.push({
        ...entry,
        reference: `${entry.reference}#${copy}`,
        name: mix(entry.name),
        aliases: entry.aliases.map((alias) => ({ ...alias, name: mix(alias.name) })),
        imoNumbers: [],
      });
    }
  }
  return { listId: `synthetic-x${times}`, version: 'bench', entries };
}

// ---------------------------------------------------------------------------------------------------
// Measurement.

interface Rate {
  /** Per second of this process's CPU time: the one-core figure, fair on a machine shared with others. */
  perCpuSecond: number;
  /** Per second of wall-clock time: lower when other processes take the core away. */
  perWallSecond: number;
  operations: number;
  decisions: number;
}

/** Runs `step(i)` round-robin for `budget` seconds after a warm-up; one core, no await inside. */
function measure(size: number, step: (index: number) => number): Rate {
  const run = (budgetSeconds: number): Rate => {
    const budget = BigInt(Math.round(budgetSeconds * 1e9));
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    let operations = 0;
    let decisions = 0;
    let index = 0;
    let elapsed = 0n;
    while (elapsed < budget) {
      // Check the clock every 64 operations: hrtime costs more than a cheap screening.
      for (let k = 0; k < 64; k++) {
        decisions += step(index);
        index = index + 1 === size ? 0 : index + 1;
      }
      operations += 64;
      elapsed = process.hrtime.bigint() - started;
    }
    const cpu = process.cpuUsage(cpuBefore);
    return {
      perCpuSecond: operations / ((cpu.user + cpu.system) / 1e6),
      perWallSecond: operations / (Number(elapsed) / 1e9),
      operations,
      decisions,
    };
  };
  run(warmupSeconds);
  return run(seconds);
}

function contextFor(pack: RulePack, sanctions: SanctionsScreener): (now: string) => ScreeningContext {
  return (now) => ({ now, jurisdiction: JURISDICTION, rulePack: pack, sanctions });
}

interface Row {
  list: string;
  workload: string;
  rate: Rate;
}

function benchList(
  label: string,
  index: SanctionsIndex,
  pack: RulePack,
  stories: Story[],
  rows: Row[],
): void {
  const ctx = contextFor(pack, index);
  if (workloads.has('fresh')) {
    // A trader never seen before: every party name goes through the index's fuzzy search.
    benchManifests(label, 'names never seen before', ctx, stories, rows, true);
  }
  if (workloads.has('manifest')) {
    // The same few thousand traders recur; SanctionsIndex's own caches answer the repeats.
    benchManifests(label, 'recurring names, index caches', ctx, stories, rows, false);
  }
  if (workloads.has('memo')) {
    // What the replay CLI runs: the engine's exact-name memo in front of the index.
    const memo = new MemoisedSanctionsScreener(index);
    benchManifests(label, 'recurring names, engine memo', contextFor(pack, memo), stories, rows, false);
  }
  if (workloads.has('movement') || workloads.has('reloaded')) {
    benchMovements(label, ctx, stories, rows);
  }
}

function benchManifests(
  label: string,
  names: string,
  ctx: (now: string) => ScreeningContext,
  stories: Story[],
  rows: Row[],
  freshNames: boolean,
): void {
  let round = 0;
  // A shallow copy per screening: each manifest arrives as a new object (decoded from Kafka), so no
  // identity-keyed cache of an earlier round may answer for it.
  const arriving = (manifest: ConsignmentManifest): ConsignmentManifest => {
    if (!freshNames) {
      return { ...manifest };
    }
    round += 1;
    const suffix = ` ${round.toString(36).toUpperCase()}`;
    return {
      ...manifest,
      parties: manifest.parties.map((party) => ({ ...party, name: party.name + suffix })),
    };
  };
  rows.push({
    list: label,
    workload: `new manifest, fresh consignment (${names})`,
    rate: measure(stories.length, (i) => {
      const manifest = (stories[i] as Story).manifest;
      return applyManifest(undefined, arriving(manifest), ctx(manifest.receivedAt)).decisions.length;
    }),
  });
}

function benchMovements(
  label: string,
  ctx: (now: string) => ScreeningContext,
  stories: Story[],
  rows: Row[],
): void {
  // States after k movements, then the (k+1)-th movement re-screens: what a terminal's stream does.
  // A host keeping states in memory (the replay CLI's ScreeningWorld) keeps goods lookups too.
  const goodsFactsCache = new ConsignmentGoodsFactsCache();
  const inMemory = (now: string): ScreeningContext => ({ ...ctx(now), goodsFactsCache });
  const pairs: { state: ConsignmentState; movement: MovementEvent }[] = [];
  for (const story of stories) {
    let state = applyManifest(undefined, story.manifest, inMemory(story.manifest.receivedAt)).state;
    for (const movement of story.movements) {
      pairs.push({ state, movement });
      state = applyMovement(state, movement, inMemory(movement.eventDateTime)).state;
    }
  }
  if (workloads.has('movement')) {
    rows.push({
      list: label,
      workload: 'movement re-screen (state held in memory)',
      rate: measure(pairs.length, (i) => {
        const { state, movement } = pairs[i] as (typeof pairs)[number];
        return applyMovement(state, movement, inMemory(movement.eventDateTime)).decisions.length;
      }),
    });
  }
  if (workloads.has('reloaded')) {
    // As a service that reads each state back from its database: new objects, nothing cached.
    rows.push({
      list: label,
      workload: 'movement re-screen (state reloaded: new objects)',
      rate: measure(pairs.length, (i) => {
        const { state, movement } = pairs[i] as (typeof pairs)[number];
        const reloaded = { ...state, manifest: { ...state.manifest } };
        return applyMovement(reloaded, movement, ctx(movement.eventDateTime)).decisions.length;
      }),
    });
  }
}

function formatRows(rows: Row[]): string {
  const header = [
    'sanctions list',
    'workload',
    'screenings/s (CPU)',
    'µs/screening',
    '(wall-clock /s)',
    'decisions',
  ];
  const body = rows.map((row) => [
    row.list,
    row.workload,
    Math.round(row.rate.perCpuSecond).toLocaleString('en'),
    (1e6 / row.rate.perCpuSecond).toFixed(2),
    Math.round(row.rate.perWallSecond).toLocaleString('en'),
    (row.rate.decisions / row.rate.operations).toFixed(2),
  ]);
  const widths = header.map((cell, c) =>
    Math.max(cell.length, ...body.map((line) => (line[c] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c >= 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function main(): void {
  const log = (text: string): boolean => process.stderr.write(`${text}\n`);
  const pack = loadRulePackFile();
  const un = parseUnConsolidatedList(readFileSync(join(sanctionsDir, 'consolidated_2018-10-29.xml')));
  const stories = buildStories(consignmentCount, un);
  const movementCount = stories.reduce((sum, story) => sum + story.movements.length, 0);
  const names = new Set(stories.flatMap((story) => story.manifest.parties.map((party) => party.name)));
  log(
    `workload: ${stories.length} consignments, ${movementCount} movements, ${names.size} distinct party names; ` +
      `rule pack ${pack.ruleSetVersion}; node ${process.version}; ${seconds} s per row after ${warmupSeconds} s warm-up`,
  );
  const rows: Row[] = [];
  const lists: [string, SanctionsList[]][] = [[`UN ${un.version}`, [un]]];
  if (scale > 1) {
    lists.push([`UN + synthetic (x${scale})`, [un, syntheticList(un, scale)]]);
  }
  for (const [label, sanctionsLists] of lists) {
    const builtAt = process.hrtime.bigint();
    const index = new SanctionsIndex(sanctionsLists);
    const entries = sanctionsLists.reduce((sum, list) => sum + list.entries.length, 0);
    log(
      `${label}: ${entries} entries, ${index.indexedNameCount} indexed names, index built in ` +
        `${(Number(process.hrtime.bigint() - builtAt) / 1e9).toFixed(2)} s`,
    );
    // Fewer consignments against the large list: a few seconds cover only a few thousand screenings.
    benchList(label, index, pack, sanctionsLists.length > 1 ? stories.slice(0, 2000) : stories, rows);
    log(formatRows(rows.filter((row) => row.list === label)));
  }
  process.stdout.write(`\n${formatRows(rows)}\n`);
}

// Importable for one-off checks (e.g. comparing decisions before and after an engine change).
if (require.main === module) {
  main();
}

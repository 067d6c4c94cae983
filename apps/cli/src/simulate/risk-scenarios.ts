import type { RuleId, Stage } from '@chokepoint/contracts';
import { perturbName, PERTURBATION_KINDS, type PerturbationKind } from '@chokepoint/sanctions';
import type { PlannedLocation, PlannedMovement, PlannedParty, PlannedVessel } from './consignment-plan';
import { imoNumber, spoofedImoNumber, withWrongCheckDigit } from './equipment-identifiers';
import type { LicenceVariant, PlanSlot, PlantingContext } from './planting-context';
import { CAPITALS, EMBARGO_DESTINATION_PORTS, type JurisdictionPort } from './reference/port-profiles';

const HOUR_MS = 3_600_000;
const ALL_STAGES: readonly Stage[] = ['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT'];
const FRONT_COMPANY_COUNTRIES = ['CN', 'HK', 'SG', 'MY', 'TH'];
/** Flags of convenience a sanctioned owner re-registers under (checked against the pack's risky flags). */
const CONVENIENCE_FLAGS = ['SL', 'TG', 'KM', 'PW', 'MN', 'BZ'];
/** Made-up ship names for a vessel under a risky flag; the IMO number is computed, not real. */
const RISKY_FLAG_VESSEL_NAMES = [
  'KUMGANG PIONEER',
  'TAEDONG STAR',
  'SONGRIM GLORY',
  'RYONGAK TRADER',
  'PUHUNG HOPE',
];
/** HS codes strategic items get misdeclared under: machinery, instruments, steel bars, plastics. */
const MISDECLARATION_HS = ['847989', '903180', '722830', '392690', '850440', '848790', '854370', '840790'];
const KEYWORD_SUFFIXES = ['ASSEMBLIES', 'UNITS', 'FOR INDUSTRIAL USE', 'WITH CONTROL CABINET', 'SPARE UNITS'];

/**
 * How a reason code is planted. HOLD codes hold on their own. FLAG codes known from the documents are
 * planted alone (a RELEASE that lists the flag) or with companion flags up to the pack's threshold (a
 * HOLD). FLAG codes that only appear later (an amendment, a timer) are always planted with companions
 * that stay below the threshold until the late flag arrives, so the HOLD it causes is published.
 */
export interface RiskScenario {
  code: RuleId;
  stages: readonly Stage[];
  kind: 'HOLD' | 'FLAG_EARLY' | 'FLAG_LATE' | 'HOLD_OR_FLAG_LATE';
  /** Ports where it can happen (a destination change on a transit needs a second corridor). */
  portFilter?: (port: JurisdictionPort, stage: Stage) => boolean;
  /** Plants the risk; returns the FLAG score that arrives late (0 when everything is in the documents). */
  plant(ctx: PlantingContext): number;
}

/** A manifest-time FLAG that can join a scenario to bring it to the pack's threshold. */
export interface CompanionFlag {
  code: RuleId;
  stages: readonly Stage[];
  slots: readonly PlanSlot[];
  plant(ctx: PlantingContext): void;
}

const score = (ctx: PlantingContext, code: RuleId): number => ctx.catalogue.pack.rules.get(code)?.score ?? 0;

function plantControlled(
  ctx: PlantingContext,
  lists: Parameters<PlantingContext['controlledFrom']>[0],
  licence: LicenceVariant,
): void {
  const goods = ctx.controlledFrom(lists);
  ctx.claim(['controlled']);
  ctx.placeGoods(
    {
      hsCode: goods.hsCode,
      description: goods.description,
      packageCode: 'CS',
      licence: ctx.licence(licence),
    },
    ctx.random.chance(0.5),
  );
  ctx.note(`${goods.list} goods HS ${goods.hsCode}, licence ${licence}`);
}

const DUAL_USE_LISTS = ['dualUse', 'missile', 'chemicalBiological'] as const;

function plantLicensedDualUse(ctx: PlantingContext): void {
  plantControlled(
    ctx,
    DUAL_USE_LISTS,
    ctx.stage === 'TRANSSHIPMENT' && ctx.random.chance(0.5) ? 'NONE' : 'VALID',
  );
}

function plantKeywordGoods(ctx: PlantingContext): void {
  const term = ctx.random.pick(ctx.catalogue.risk.strategicTerms).toUpperCase();
  const hsCode = ctx.random.pick(
    MISDECLARATION_HS.filter((code) => ctx.catalogue.pack.hsIndex.lookup(code).length === 0),
  );
  ctx.placeGoods(
    { hsCode, description: `${term} ${ctx.random.pick(KEYWORD_SUFFIXES)}`, packageCode: 'CS' },
    false,
  );
  ctx.note(`description names "${term}" under HS ${hsCode}`);
}

function plantVagueDescription(ctx: PlantingContext): void {
  const risk = ctx.catalogue.risk;
  const fillers = ['pallets', 'cartons', 'packages', 'cases', 'pkgs', 'ctns'].filter((w) =>
    risk.fillerWords.includes(w),
  );
  const term = ctx.random.pick(risk.vagueTerms).toUpperCase();
  const count = ctx.random.int(2, 60);
  const phrase = ctx.random.weighted<string>([
    [term, 3],
    [
      `${count} ${(fillers.length > 0 ? ctx.random.pick(fillers) : '').toUpperCase()} ${term}`.replace(
        / +/g,
        ' ',
      ),
      3,
    ],
    [risk.vagueTerms.some((t) => /said to contain/i.test(t)) ? `SAID TO CONTAIN ${count} ${term}` : term, 2],
  ]);
  const first = ctx.plan.goods[0];
  if (first) {
    ctx.claim(['goods0']);
    first.description = phrase;
    ctx.note(`vague description "${phrase}"`);
  }
}

function plantForwarderConsignee(ctx: PlantingContext): void {
  const consignee = ctx.plan.parties.consignee;
  ctx.claim(['consignee']);
  ctx.plan.parties.consignee = ctx.names.intermediary(consignee.countryCode, consignee.city);
  delete ctx.plan.parties.endUser;
  ctx.note(`consignee is an intermediary: ${ctx.plan.parties.consignee.name}`);
}

function plantFreeZone(ctx: PlantingContext): void {
  const risk = ctx.catalogue.risk;
  ctx.claim(['destination']);
  if (risk.freeZones.length > 0 && (risk.freeZoneNameTerms.length === 0 || ctx.random.chance(0.7))) {
    const zone = ctx.random.pick(risk.freeZones);
    ctx.setDestination(ctx.place(zone.code, zone.name));
    ctx.note(`delivery in free zone ${zone.code}`);
  } else {
    const term = ctx.random.pick(risk.freeZoneNameTerms);
    const name = `${ctx.random.pick(['Hamriyah', 'Sharjah Airport International', 'Khalifa Industrial'])} ${term.length <= 4 ? term.toUpperCase() : term.replace(/\b\w/g, (c) => c.toUpperCase())}`;
    // A named zone without a code: the bill names the nearest port and the zone as place of delivery.
    const route = ctx.plan.route;
    if (!route.placeOfDelivery && !route.portOfDischarge.code?.startsWith(ctx.catalogue.jurisdiction)) {
      route.portOfDischarge = ctx.place('AESHJ', 'Sharjah');
    }
    route.placeOfDelivery = { name, countryCode: 'AE' };
    ctx.note(`delivery in "${name}"`);
  }
}

function plantInvalidEquipment(ctx: PlantingContext): void {
  const container = ctx.plan.containers[0];
  if (container) {
    ctx.claim(['container0']);
    container.reference = withWrongCheckDigit(container.reference);
    ctx.note(`container ${container.reference} fails the ISO 6346 check digit`);
  }
}

function plantInvalidVessel(ctx: PlantingContext): void {
  const vessel = ctx.plan.vesselVoyages[0];
  if (vessel?.imoNumber) {
    ctx.claim(['vessel']);
    const spoofed = { ...vessel, imoNumber: spoofedImoNumber(vessel.imoNumber) };
    ctx.replaceVessel(vessel, spoofed);
    ctx.plan.statesVesselImo = true;
    ctx.note(`${vessel.name} reported as IMO ${spoofed.imoNumber} (check digit fails)`);
  }
}

function hubOrigin(ctx: PlantingContext): boolean {
  const hubs = ctx.catalogue.risk.highRiskHubs.filter(
    (code) => !ctx.catalogue.risk.allCargoEmbargoes.includes(code.slice(0, 2)),
  );
  if (hubs.length === 0) {
    return false;
  }
  const hub = ctx.random.pick(hubs);
  ctx.plan.route.portOfLoading = ctx.place(hub);
  ctx.note(`loaded at high-risk hub ${hub}`);
  return true;
}

/** Origin and destination in the same foreign country: the goods go round through the hub. */
function roundTrip(ctx: PlantingContext): boolean {
  const destination = ctx.destination();
  const country = destination.code?.slice(0, 2);
  const sameCountry = ctx.catalogue.partnerPorts.filter(
    (p) => p.code.slice(0, 2) === country && p.code !== destination.code,
  );
  if (country === undefined || sameCountry.length === 0) {
    return false;
  }
  const origin = ctx.random.pick(sameCountry);
  ctx.plan.route.portOfLoading = { code: origin.code, name: origin.name };
  delete ctx.plan.route.placeOfReceipt;
  ctx.claim(['destination']);
  ctx.note(
    `round trip ${origin.code} > ${ctx.catalogue.jurisdiction} > ${destination.code ?? destination.name}`,
  );
  return true;
}

function plantRouteAnomaly(ctx: PlantingContext): void {
  ctx.claim(['origin']);
  // A round trip depends on the destination: only when nothing else rewrites it.
  const mayRoundTrip = ctx.canClaim(['destination']);
  const planted =
    mayRoundTrip && ctx.random.chance(0.5)
      ? roundTrip(ctx) || hubOrigin(ctx)
      : hubOrigin(ctx) || (mayRoundTrip && roundTrip(ctx));
  if (!planted) {
    ctx.note('no route anomaly could be planted');
  }
}

/** Companions, each a FLAG the documents show from the start. */
export const COMPANION_FLAGS: readonly CompanionFlag[] = [
  { code: 'VAGUE_DESCRIPTION', stages: ALL_STAGES, slots: ['goods0'], plant: plantVagueDescription },
  { code: 'DESCRIPTION_KEYWORD', stages: ALL_STAGES, slots: [], plant: plantKeywordGoods },
  {
    code: 'FORWARDER_CONSIGNEE',
    stages: ['EXPORT', 'IMPORT'],
    slots: ['consignee'],
    plant: plantForwarderConsignee,
  },
  {
    code: 'FREE_ZONE_DESTINATION',
    stages: ['EXPORT', 'TRANSSHIPMENT'],
    slots: ['destination'],
    plant: plantFreeZone,
  },
  { code: 'INVALID_EQUIPMENT_ID', stages: ALL_STAGES, slots: ['container0'], plant: plantInvalidEquipment },
  { code: 'INVALID_VESSEL_ID', stages: ALL_STAGES, slots: ['vessel'], plant: plantInvalidVessel },
  { code: 'HS_DUAL_USE', stages: ALL_STAGES, slots: ['controlled'], plant: plantLicensedDualUse },
  {
    code: 'ROUTE_ANOMALY',
    stages: ['TRANSIT', 'TRANSSHIPMENT'],
    slots: ['origin'],
    plant: plantRouteAnomaly,
  },
];

function sanctionedName(ctx: PlantingContext, name: string): string {
  const kind = ctx.random.weighted<PerturbationKind>([
    ['NONE', 20],
    ['LEGAL_FORM', 20],
    ['CASE_AND_PUNCTUATION', 20],
    ['TYPO_TRANSPOSITION', 15],
    ['TYPO_SUBSTITUTION', 10],
    ['TYPO_DELETION', 10],
    ['TRANSLITERATION', 5],
  ]);
  const base = ctx.random.chance(0.4) ? name.replace(/\s*\([^)]*\)\s*/g, ' ').trim() : name;
  const variant = PERTURBATION_KINDS.includes(kind) ? perturbName(base, kind, ctx.random.seeded) : undefined;
  const spelling = `${variant === undefined ? 'NONE' : kind}${base === name ? '' : '+ACRONYM_DROPPED'}`;
  ctx.plan.truth.sanctionedNameSpelling = spelling;
  ctx.note(`sanctioned name spelt ${spelling}`);
  return variant ?? base;
}

/** Front companies sit where the trade goes: the party's end of the route moves to such a country. */
function frontCompanyPort(ctx: PlantingContext): PlannedLocation {
  const ports = ctx.catalogue.partnerPorts.filter((p) =>
    FRONT_COMPANY_COUNTRIES.includes(p.code.slice(0, 2)),
  );
  const port = ctx.random.pick(ports);
  return { code: port.code, name: port.name };
}

function plantSanctionedParty(ctx: PlantingContext): number {
  const entry = ctx.random.pick(ctx.catalogue.risk.sanctionedParties);
  const name = sanctionedName(ctx, entry.name);
  const route = ctx.plan.route;
  const role = ctx.random.weighted<'shipper' | 'consignee' | 'notify'>(
    ctx.stage === 'EXPORT'
      ? [
          ['consignee', 6],
          ['notify', 4],
        ]
      : ctx.stage === 'IMPORT'
        ? [
            ['shipper', 7],
            ['notify', 3],
          ]
        : [
            ['shipper', 5],
            ['consignee', 5],
          ],
  );
  let country: string;
  if (role === 'shipper') {
    route.portOfLoading = frontCompanyPort(ctx);
    delete route.placeOfReceipt;
    country = route.portOfLoading.code?.slice(0, 2) ?? 'CN';
  } else if (ctx.stage === 'TRANSIT') {
    country = ctx.destination().code?.slice(0, 2) ?? 'CN';
  } else if (role === 'notify' && ctx.stage === 'IMPORT') {
    country = ctx.random.pick(FRONT_COMPANY_COUNTRIES);
  } else {
    const port = frontCompanyPort(ctx);
    if (port.code?.slice(0, 2) !== route.portOfLoading.code?.slice(0, 2)) {
      ctx.claim(['destination']);
      ctx.setDestination(port);
    }
    country = ctx.destination().code?.slice(0, 2) ?? 'CN';
  }
  ctx.claim([role]);
  const party: PlannedParty = {
    name,
    street: undefined,
    city: CAPITALS[country] ?? ctx.destination().name,
    countryCode: country,
    sanctionedReference: entry.reference,
  };
  ctx.plan.parties[role] = party;
  ctx.note(`${role} "${name}" is list entry ${entry.reference} ${entry.name}`);
  return 0;
}

function plantSanctionedVessel(ctx: PlantingContext): number {
  const listed = ctx.random.pick(ctx.catalogue.risk.sanctionedVessels);
  const flags = CONVENIENCE_FLAGS.filter((f) => !ctx.catalogue.risk.riskyFlagStates.includes(f));
  const target = ctx.targetVessel();
  const vessel: PlannedVessel = {
    imoNumber: listed.imoNumber,
    name: listed.name,
    flag: ctx.random.pick(flags),
    voyage: target.voyage,
    mode: 'VESSEL',
  };
  ctx.claim(['vessel']);
  ctx.replaceVessel(target, vessel);
  ctx.note(
    `vessel ${vessel.name} IMO ${listed.imoNumber} (owner ${listed.ownerReference} ${listed.ownerName})`,
  );
  return 0;
}

function plantRiskyFlag(ctx: PlantingContext): number {
  const flag = ctx.random.pick(ctx.catalogue.risk.riskyFlagStates);
  const target = ctx.targetVessel();
  const known = new Set(ctx.catalogue.vessels.map((v) => v.imoNumber));
  let imo = imoNumber(`${ctx.random.int(8, 9)}${ctx.random.digits(5)}`);
  while (known.has(imo)) {
    imo = imoNumber(`${ctx.random.int(8, 9)}${ctx.random.digits(5)}`);
  }
  const vessel: PlannedVessel = {
    imoNumber: imo,
    name: ctx.random.pick(RISKY_FLAG_VESSEL_NAMES),
    flag,
    voyage: target.voyage,
    mode: 'VESSEL',
  };
  ctx.claim(['vessel']);
  ctx.replaceVessel(target, vessel);
  ctx.note(`vessel ${vessel.name} (synthetic, IMO ${imo}) flies flag ${flag}`);
  return 0;
}

function plantEmbargo(ctx: PlantingContext): number {
  const risk = ctx.catalogue.risk;
  const allCargo = risk.allCargoEmbargoes.filter((c) => EMBARGO_DESTINATION_PORTS[c] !== undefined);
  const arms = risk.armsEmbargoes.filter((c) => EMBARGO_DESTINATION_PORTS[c] !== undefined);
  const variant = ctx.random.weighted<'DESTINATION' | 'CONSIGNEE' | 'ARMS'>([
    ['DESTINATION', allCargo.length > 0 ? 4 : 0],
    ['CONSIGNEE', allCargo.length > 0 ? 3 : 0],
    ['ARMS', arms.length > 0 ? 3 : 0],
  ]);
  ctx.claim(['destination', 'consignee']);
  if (variant === 'CONSIGNEE') {
    const country = ctx.random.pick(allCargo);
    const china = ctx.catalogue.partnerPorts.filter((p) => p.code.startsWith('CN'));
    const port = ctx.random.pick(china.length > 0 ? china : ctx.catalogue.partnerPorts);
    ctx.setDestination({ code: port.code, name: port.name });
    // A consignee in the embargoed country that is not itself listed: the embargo alone must hold it.
    const names = ['PUGANG', 'SONGBONG', 'MORAN', 'TAESONG', 'RAKWON', 'CHILBO']
      .map((stem) => `KOREA ${stem} GENERAL CORPORATION`)
      .filter((name) => !ctx.names.isCaught(name));
    ctx.plan.parties.consignee = {
      ...ctx.names.company(country, 'MACHINE', CAPITALS[country]),
      name: ctx.random.pick(names.length > 0 ? names : ['KOREA CHILBO GENERAL CORPORATION']),
    };
    ctx.note(`consignee in ${country}, goods routed via ${port.code}`);
    return 0;
  }
  const country = ctx.random.pick(variant === 'ARMS' ? arms : allCargo);
  const port = EMBARGO_DESTINATION_PORTS[country];
  if (port) {
    ctx.setDestination(ctx.place(port.code, port.name));
    ctx.plan.parties.consignee = ctx.names.company(
      country,
      ctx.random.pick(['MACHINE', 'CHEMICAL']),
      port.name,
    );
  }
  if (variant === 'ARMS') {
    if (ctx.random.chance(0.5)) {
      plantLicensedDualUse(ctx);
    } else {
      plantKeywordGoods(ctx);
    }
  }
  ctx.note(
    `destination ${port?.code ?? country} under ${variant === 'ARMS' ? 'an arms' : 'an all-cargo'} embargo`,
  );
  return 0;
}

/** The moment between discharge and the onward move when a document can still be amended. */
function amendmentTime(ctx: PlantingContext): number {
  const disc = ctx.first('DISC');
  const onward = ctx.plan.movements.find(
    (m) => disc !== undefined && m.at > disc.at && (m.code === 'LOAD' || m.code === 'GTOT'),
  );
  const from = disc?.at ?? ctx.plan.manifestAt;
  const to = onward?.at ?? from + 12 * HOUR_MS;
  return Math.round((from + (to - from) * (0.2 + 0.5 * ctx.random.next())) / 1000) * 1000;
}

function newDestination(ctx: PlantingContext): PlannedLocation {
  const current = ctx.destination();
  if (ctx.stage === 'TRANSIT') {
    const port = ctx.catalogue.ports.find((p) => p.code === ctx.plan.port.code);
    const other = port?.transit.find((c) => c.destination.code !== current.code);
    if (other) {
      return { code: other.destination.code, name: other.destination.name };
    }
  }
  const avoid = [current.code?.slice(0, 2) ?? '', ctx.plan.route.portOfLoading.code?.slice(0, 2) ?? ''];
  const port = ctx.catalogue.ports.find((p) => p.code === ctx.plan.port.code);
  return port ? ctx.planner.partner(port, avoid) : ctx.random.pick(ctx.catalogue.partnerPorts);
}

function amend(ctx: PlantingContext, change: { destination: boolean; consignee: boolean }): void {
  const at = amendmentTime(ctx);
  const amendment: ConsignmentAmendment = { at };
  if (change.destination) {
    const place = newDestination(ctx);
    if (
      ctx.plan.route.placeOfDelivery ||
      ctx.plan.route.portOfDischarge.code?.startsWith(ctx.catalogue.jurisdiction)
    ) {
      amendment.placeOfDelivery = place;
    } else {
      amendment.portOfDischarge = place;
    }
    ctx.note(`amended: destination ${ctx.destination().code ?? ''} -> ${place.code ?? place.name}`);
  }
  if (change.consignee) {
    const country =
      (amendment.placeOfDelivery ?? amendment.portOfDischarge ?? ctx.destination()).code?.slice(0, 2) ?? 'CN';
    amendment.consignee = ctx.names.company(country, 'MACHINE');
    ctx.note(`amended: consignee -> ${amendment.consignee.name}`);
  }
  ctx.plan.amendments.push(amendment);
}

type ConsignmentAmendment = PlantingContext['plan']['amendments'][number];

function plantDestinationChanged(ctx: PlantingContext): number {
  ctx.claim(['destination']);
  if (ctx.random.chance(0.6)) {
    plantLicensedDualUse(ctx);
    amend(ctx, { destination: true, consignee: false });
    return 0;
  }
  ctx.claim(['uncontrolled']);
  amend(ctx, { destination: true, consignee: false });
  return score(ctx, 'DESTINATION_CHANGED');
}

function plantConsigneeChanged(ctx: PlantingContext): number {
  ctx.claim(['destination', 'consignee', 'uncontrolled']);
  amend(ctx, { destination: true, consignee: true });
  return score(ctx, 'DESTINATION_CHANGED') + score(ctx, 'CONSIGNEE_CHANGED');
}

/** A seal number that is not the one the manifest states: the box was opened on the way. */
function plantSealMismatch(ctx: PlantingContext): number {
  ctx.claim(['seals']);
  const container = ctx.plan.containers[0];
  const moves = ctx.movementsOf(0).filter((m) => m.code !== 'GTIN');
  const from = ctx.random.chance(0.5) ? moves[0] : (moves[1] ?? moves[0]);
  if (!container || !from) {
    return 0;
  }
  const replacement = [
    {
      number: ctx.ids.seal(ctx.random.pick(['ML-VN', 'SH', 'HLD', 'APL'])),
      source: 'CAR' as const,
      type: 'BLT' as const,
    },
  ];
  for (const movement of moves) {
    if (movement.at >= from.at) {
      movement.seals = replacement;
    }
  }
  ctx.note(
    `seal on ${container.reference} observed as ${replacement[0]?.number} at ${from.code}, manifest says ${container.seals.map((s) => s.number).join('+')}`,
  );
  return 0;
}

function containerMove(
  ctx: PlantingContext,
  like: PlannedMovement,
  at: number,
  code: PlannedMovement['code'],
  extra: Partial<PlannedMovement>,
): PlannedMovement {
  return {
    at,
    kind: 'EQUIPMENT',
    code,
    location: like.location,
    facilityTypeCode: 'COFS',
    facility: like.facility,
    containerIndex: like.containerIndex,
    reporter: like.reporter,
    ...extra,
  };
}

/** The box is stripped and stuffed again at the hub (with or without a seal removal on record). */
function plantStuffing(ctx: PlantingContext): number {
  ctx.claim(['seals', 'onward']);
  const disc = ctx.first('DISC', 0);
  if (!disc) {
    return 0;
  }
  const strip = disc.at + ctx.random.hours(4, 20);
  const stuff = strip + ctx.random.hours(2, 8);
  const load = ctx.first('LOAD', 0);
  if (load && load.at < stuff + HOUR_MS) {
    ctx.delayFrom(
      load.at,
      stuff + ctx.random.hours(3, 12) - load.at,
      (m) => m.kind === 'TRANSPORT' || m.code === 'LOAD',
    );
  }
  const newSeals = [{ number: ctx.ids.seal('TS'), source: 'CAR' as const, type: 'BLT' as const }];
  const added: PlannedMovement[] = [];
  if (ctx.random.chance(0.5)) {
    added.push(containerMove(ctx, disc, strip - ctx.random.hours(0.2, 1), 'RMVD', { seals: [] }));
    ctx.note('seal removal (RMVD) on record before stripping');
  }
  added.push(containerMove(ctx, disc, strip, 'STRP', { seals: [], emptyIndicator: 'EMPTY' }));
  added.push(containerMove(ctx, disc, stuff, 'STUF', { seals: newSeals, emptyIndicator: 'LADEN' }));
  for (const movement of ctx.plan.movements) {
    if (movement.containerIndex === 0 && movement.at > stuff) {
      movement.seals = newSeals;
    }
  }
  ctx.plan.movements.push(...added);
  ctx.sortMovements();
  ctx.note(`stripped and stuffed at the hub, new seal ${newSeals[0]?.number}`);
  return 0;
}

/** The transit leaves late, or is never seen leaving. */
function plantTransitOverdue(ctx: PlantingContext): number {
  ctx.claim(['onward']);
  const entry = ctx.plan.movements[0];
  const exits = ctx.plan.movements.filter(
    (m) =>
      (m.code === 'GTOT' && m.facilityTypeCode === 'BORD') ||
      (m.code === 'LOAD' && m.modeOfTransport === 'BARGE'),
  );
  if (!entry || exits.length === 0) {
    return 0;
  }
  if (ctx.random.chance(0.5)) {
    ctx.plan.movements = ctx.plan.movements.filter((m) => !exits.includes(m));
    ctx.note('never seen leaving');
    return 0;
  }
  const firstExit = Math.min(...exits.map((m) => m.at));
  const due = entry.at + ctx.catalogue.pack.limits.transitMaxHours * HOUR_MS;
  const late = due + ctx.random.hours(4, 36);
  const gateOut = ctx.plan.movements.filter((m) => m.code === 'GTOT' && m.facilityTypeCode === 'POTE');
  ctx.delayFrom(firstExit, late - firstExit, (m) => exits.includes(m));
  for (const movement of gateOut) {
    movement.at = Math.max(movement.at, late - ctx.random.hours(5, 12));
  }
  ctx.sortMovements();
  ctx.note(`left ${Math.round((late - entry.at) / HOUR_MS)} h after entry`);
  return 0;
}

function plantDwell(ctx: PlantingContext): number {
  ctx.claim(['onward']);
  const disc = ctx.first('DISC');
  const load = ctx.plan.movements.find((m) => m.code === 'LOAD' && disc !== undefined && m.at > disc.at);
  if (!disc || !load) {
    return 0;
  }
  const target = disc.at + ctx.catalogue.pack.limits.dwellMaxHours * HOUR_MS + ctx.random.hours(6, 48);
  ctx.delayFrom(load.at, target - load.at);
  ctx.note(`stayed ${Math.round((target - disc.at) / HOUR_MS)} h at the hub`);
  return score(ctx, 'DWELL_EXCEEDED');
}

function early(code: RuleId): RiskScenario {
  const companion = COMPANION_FLAGS.find((c) => c.code === code);
  if (!companion) {
    throw new Error(`no early flag planting for ${code}`);
  }
  return {
    code,
    stages: companion.stages,
    kind: 'FLAG_EARLY',
    plant: (ctx) => {
      ctx.claim(companion.slots);
      companion.plant(ctx);
      return 0;
    },
  };
}

/** Every reason code the DCSA formats can carry; WEIGHT_DISCREPANCY cannot be planted (see below). */
export const RISK_SCENARIOS: readonly RiskScenario[] = [
  {
    code: 'HS_MILITARY',
    stages: ALL_STAGES,
    kind: 'HOLD',
    plant: (ctx) => (plantControlled(ctx, ['military'], ctx.missingLicenceVariant()), 0),
  },
  {
    code: 'HS_NUCLEAR',
    stages: ALL_STAGES,
    kind: 'HOLD',
    plant: (ctx) => (plantControlled(ctx, ['nuclear'], ctx.missingLicenceVariant()), 0),
  },
  early('HS_DUAL_USE'),
  {
    code: 'LICENCE_MISSING',
    stages: ['EXPORT', 'IMPORT', 'TRANSIT'],
    kind: 'HOLD',
    plant: (ctx) => {
      const lists = DUAL_USE_LISTS.filter((list) => ctx.catalogue.risk.licenceLists.includes(list));
      plantControlled(ctx, lists.length > 0 ? lists : DUAL_USE_LISTS, ctx.missingLicenceVariant());
      return 0;
    },
  },
  early('DESCRIPTION_KEYWORD'),
  early('VAGUE_DESCRIPTION'),
  { code: 'PARTY_SANCTIONED', stages: ALL_STAGES, kind: 'HOLD', plant: plantSanctionedParty },
  { code: 'VESSEL_SANCTIONED', stages: ALL_STAGES, kind: 'HOLD', plant: plantSanctionedVessel },
  { code: 'FLAG_STATE_RISK', stages: ALL_STAGES, kind: 'HOLD', plant: plantRiskyFlag },
  { code: 'EMBARGO_DESTINATION', stages: ['EXPORT', 'TRANSSHIPMENT'], kind: 'HOLD', plant: plantEmbargo },
  {
    code: 'DESTINATION_CHANGED',
    stages: ['TRANSIT', 'TRANSSHIPMENT'],
    kind: 'HOLD_OR_FLAG_LATE',
    portFilter: (port, stage) => stage !== 'TRANSIT' || port.transit.length > 1,
    plant: plantDestinationChanged,
  },
  {
    code: 'CONSIGNEE_CHANGED',
    stages: ['TRANSIT', 'TRANSSHIPMENT'],
    kind: 'FLAG_LATE',
    portFilter: (port, stage) => stage !== 'TRANSIT' || port.transit.length > 1,
    plant: plantConsigneeChanged,
  },
  {
    code: 'SEAL_MISMATCH',
    stages: ['IMPORT', 'TRANSIT', 'TRANSSHIPMENT'],
    kind: 'HOLD',
    plant: plantSealMismatch,
  },
  { code: 'UNEXPECTED_STUFFING', stages: ['TRANSSHIPMENT'], kind: 'HOLD', plant: plantStuffing },
  { code: 'TRANSIT_OVERDUE', stages: ['TRANSIT'], kind: 'HOLD', plant: plantTransitOverdue },
  { code: 'DWELL_EXCEEDED', stages: ['TRANSSHIPMENT'], kind: 'FLAG_LATE', plant: plantDwell },
  early('ROUTE_ANOMALY'),
  early('INVALID_EQUIPMENT_ID'),
  early('INVALID_VESSEL_ID'),
  early('FORWARDER_CONSIGNEE'),
  early('FREE_ZONE_DESTINATION'),
];

/**
 * Reason codes no DCSA message can raise today, with the reason; the generator and the report name them.
 * WEIGHT_DISCREPANCY compares a weight reported in movements with the manifest, but DCSA Track & Trace
 * events (2.2, 3.0, 3.0 Beta 1) carry no weight and no decoder fills MovementEvent.grossWeightKg.
 */
export const UNPLANTABLE_REASON_CODES: Readonly<Partial<Record<RuleId, string>>> = {
  WEIGHT_DISCREPANCY:
    'DCSA TNT 2.2/3.0 events carry no weight, so no decoder fills MovementEvent.grossWeightKg: nothing to compare with the manifest',
};

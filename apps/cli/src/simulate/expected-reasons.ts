import type { RuleId, Stage } from '@chokepoint/contracts';
import { isValidContainerNumber, isValidImoNumber, normaliseText } from '@chokepoint/engine';
import type {
  ConsignmentPlan,
  PlannedGoods,
  PlannedLicence,
  PlannedLocation,
  PlannedMovement,
  PlannedParty,
} from './consignment-plan';
import { meaningfulLength, type SimulationCatalogue } from './simulation-catalogue';

const HOUR_MS = 3_600_000;
const HOLD_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'HS_MILITARY',
  'HS_NUCLEAR',
  'LICENCE_MISSING',
  'PARTY_SANCTIONED',
  'VESSEL_SANCTIONED',
  'FLAG_STATE_RISK',
  'EMBARGO_DESTINATION',
  'SEAL_MISMATCH',
  'UNEXPECTED_STUFFING',
  'TRANSIT_OVERDUE',
]);

export interface ExpectedReasons {
  /** Reason codes DESIGN.md says this consignment should raise, HOLD and FLAG alike. */
  codes: RuleId[];
  holdCodes: RuleId[];
  flagScore: number;
  outcome: 'HOLD' | 'RELEASE' | 'NONE';
}

/**
 * The ground truth: what DESIGN.md's reason-code table says a consignment planned this way should
 * raise, worked out from the plan's facts and the rule pack's lists, scores and limits. It is the
 * yardstick the engine's decisions are measured against, so it reads the table, not the engine.
 */
export function expectedReasons(
  plan: ConsignmentPlan,
  catalogue: SimulationCatalogue,
  options: { documentsOnly?: boolean } = {},
): ExpectedReasons {
  if (options.documentsOnly) {
    // What the first screening sees: the first documents, before amendments and timers.
    const first = expectedReasons({ ...plan, amendments: [] }, catalogue);
    const codes = first.codes.filter((code) => code !== 'DWELL_EXCEEDED' && code !== 'TRANSIT_OVERDUE');
    return {
      ...first,
      codes,
      flagScore:
        first.flagScore -
        (first.codes.includes('DWELL_EXCEEDED')
          ? (catalogue.pack.rules.get('DWELL_EXCEEDED')?.score ?? 0)
          : 0),
    };
  }
  const stage = plan.stage;
  if (stage === null) {
    return { codes: [], holdCodes: [], flagScore: 0, outcome: 'NONE' };
  }
  const found = new Set<RuleId>();
  const add = (code: RuleId, stages?: readonly Stage[]): void => {
    if (stages === undefined || stages.includes(stage)) {
      found.add(code);
    }
  };
  const controlled = goodsReasons(plan, catalogue, stage, add);
  partyReasons(plan, catalogue, add);
  vesselReasons(plan, catalogue, add);
  routeReasons(plan, catalogue, controlled, add);
  movementReasons(plan, catalogue, add);

  let destinationChangedHolds = false;
  const first = destinationOf(plan.route);
  const consignee = normaliseText(plan.parties.consignee.name);
  let current = first;
  let currentConsignee = consignee;
  for (const amendment of plan.amendments) {
    current = amendment.placeOfDelivery ?? amendment.portOfDischarge ?? current;
    currentConsignee = amendment.consignee ? normaliseText(amendment.consignee.name) : currentConsignee;
  }
  if (placeKey(current) !== placeKey(first)) {
    add('DESTINATION_CHANGED', ['TRANSIT', 'TRANSSHIPMENT']);
    destinationChangedHolds = controlled;
  }
  if (currentConsignee !== consignee) {
    add('CONSIGNEE_CHANGED', ['TRANSIT', 'TRANSSHIPMENT']);
  }

  const codes = [...found].sort();
  const holdCodes = codes.filter(
    (code) => HOLD_RULES.has(code) || (code === 'DESTINATION_CHANGED' && destinationChangedHolds),
  );
  const flagScore = codes
    .filter((code) => !holdCodes.includes(code))
    .reduce((sum, code) => sum + (catalogue.pack.rules.get(code)?.score ?? 0), 0);
  const outcome = holdCodes.length > 0 || flagScore >= catalogue.pack.holdThreshold ? 'HOLD' : 'RELEASE';
  return { codes, holdCodes, flagScore, outcome };
}

export function destinationOf(route: ConsignmentPlan['route']): PlannedLocation {
  return route.placeOfDelivery ?? route.portOfDischarge;
}

function placeKey(place: PlannedLocation): string {
  return place.code ?? place.name;
}

function countryOf(place: PlannedLocation | undefined): string | undefined {
  return place?.code?.slice(0, 2) ?? place?.countryCode;
}

export function licenceValid(licence: PlannedLicence | undefined, stage: Stage, atMs: number): boolean {
  if (!licence?.reference) {
    return false;
  }
  const wanted = stage === 'EXPORT' ? 'EXPORT' : stage === 'IMPORT' ? 'IMPORT' : null;
  if (wanted !== null && licence.kind !== wanted) {
    return false;
  }
  const issued = licence.issueDate === undefined || Date.parse(licence.issueDate) <= atMs;
  const unexpired = licence.expiryDate === undefined || atMs <= Date.parse(licence.expiryDate) + 86_399_999;
  return issued && unexpired;
}

/** HS lists, licences, keywords and vague wording; returns whether any goods are controlled. */
function goodsReasons(
  plan: ConsignmentPlan,
  catalogue: SimulationCatalogue,
  stage: Stage,
  add: (code: RuleId, stages?: readonly Stage[]) => void,
): boolean {
  const pack = catalogue.pack;
  let controlled = false;
  plan.goods.forEach((goods: PlannedGoods) => {
    const hits = pack.hsIndex.lookup(goods.hsCode);
    // Licences are checked at every screening; the manifest's time is the earliest and the dates in
    // the plan sit far from the day, so one check stands for all.
    const valid = licenceValid(goods.licence, stage, plan.manifestAt);
    if (hits.length > 0) {
      controlled = true;
    }
    for (const hit of hits) {
      if (hit.rule === 'HS_DUAL_USE') {
        add('HS_DUAL_USE');
      } else if (!valid) {
        add(hit.rule);
      }
    }
    if (!valid && hits.some((hit) => catalogue.risk.licenceLists.includes(hit.list))) {
      add('LICENCE_MISSING', ['EXPORT', 'IMPORT', 'TRANSIT']);
    }
    const normalised = normaliseText(goods.description);
    if (pack.strategicKeywords.matchNormalised(normalised).length > 0) {
      add('DESCRIPTION_KEYWORD');
    }
    if (meaningfulLength(normalised, pack) < pack.vagueMinMeaningfulLength) {
      add('VAGUE_DESCRIPTION');
    }
  });
  return controlled;
}

function partyReasons(
  plan: ConsignmentPlan,
  catalogue: SimulationCatalogue,
  add: (code: RuleId, stages?: readonly Stage[]) => void,
): void {
  const parties: PlannedParty[] = [plan.parties.shipper, plan.parties.consignee];
  if (plan.parties.notify) {
    parties.push(plan.parties.notify);
  }
  if (plan.parties.endUser) {
    parties.push(plan.parties.endUser);
  }
  for (const amendment of plan.amendments) {
    if (amendment.consignee) {
      parties.push(amendment.consignee);
    }
  }
  if (parties.some((party) => party.sanctionedReference !== undefined)) {
    add('PARTY_SANCTIONED');
  }
  const finalConsignee =
    [...plan.amendments].reverse().find((a) => a.consignee)?.consignee ?? plan.parties.consignee;
  if (
    !plan.parties.endUser &&
    catalogue.pack.consigneeIntermediaryKeywords.match(finalConsignee.name).length > 0
  ) {
    add('FORWARDER_CONSIGNEE', ['EXPORT', 'IMPORT']);
  }
}

function vesselReasons(
  plan: ConsignmentPlan,
  catalogue: SimulationCatalogue,
  add: (code: RuleId, stages?: readonly Stage[]) => void,
): void {
  const vessels = plan.movements.flatMap((m) => (m.vessel ? [m.vessel] : []));
  if (plan.statesVesselImo) {
    vessels.push(...plan.vesselVoyages);
  }
  const listed = new Set(catalogue.risk.sanctionedVessels.map((v) => v.imoNumber));
  for (const vessel of vessels) {
    if (vessel.imoNumber !== undefined && listed.has(vessel.imoNumber)) {
      add('VESSEL_SANCTIONED');
    }
    if (vessel.imoNumber !== undefined && !isValidImoNumber(vessel.imoNumber)) {
      add('INVALID_VESSEL_ID');
    }
    if (vessel.flag !== undefined && catalogue.risk.riskyFlagStates.includes(vessel.flag)) {
      add('FLAG_STATE_RISK');
    }
  }
  if (plan.containers.some((c) => !isValidContainerNumber(c.reference))) {
    add('INVALID_EQUIPMENT_ID');
  }
}

function routeReasons(
  plan: ConsignmentPlan,
  catalogue: SimulationCatalogue,
  controlled: boolean,
  add: (code: RuleId, stages?: readonly Stage[]) => void,
): void {
  const risk = catalogue.risk;
  const route = plan.route;
  const latest = [...plan.amendments].reverse();
  const delivery =
    latest.find((a) => a.placeOfDelivery)?.placeOfDelivery ??
    route.placeOfDelivery ??
    latest.find((a) => a.portOfDischarge)?.portOfDischarge ??
    route.portOfDischarge;
  const consignee = latest.find((a) => a.consignee)?.consignee ?? plan.parties.consignee;
  const strategic =
    controlled || plan.goods.some((g) => catalogue.pack.strategicKeywords.match(g.description).length > 0);
  const embargoCountries = [countryOf(delivery), consignee.countryCode, plan.parties.endUser?.countryCode];
  for (const country of embargoCountries) {
    if (
      country !== undefined &&
      (risk.allCargoEmbargoes.includes(country) || (strategic && risk.armsEmbargoes.includes(country)))
    ) {
      add('EMBARGO_DESTINATION', ['EXPORT', 'TRANSIT', 'TRANSSHIPMENT']);
    }
  }
  const declared = [route.placeOfReceipt, route.portOfLoading, route.portOfDischarge, route.placeOfDelivery];
  const visited = plan.movements.map((m) => m.location.code);
  if (
    [...declared.map((p) => p?.code), ...visited].some(
      (code) => code !== undefined && risk.highRiskHubs.includes(code),
    )
  ) {
    add('ROUTE_ANOMALY', ['TRANSIT', 'TRANSSHIPMENT']);
  }
  const origin = countryOf(route.placeOfReceipt ?? route.portOfLoading);
  if (origin !== undefined && origin === countryOf(delivery) && origin !== catalogue.jurisdiction) {
    add('ROUTE_ANOMALY', ['TRANSIT', 'TRANSSHIPMENT']);
  }
  const byCode = delivery.code !== undefined && catalogue.pack.freeZones.has(delivery.code);
  const byName = catalogue.pack.freeZoneNameKeywords.match(delivery.name).length > 0;
  if (byCode || byName) {
    add('FREE_ZONE_DESTINATION', ['EXPORT', 'TRANSSHIPMENT']);
  }
}

/** Seals, stuffing at the hub, transit time and dwell, from the planned moves. */
function movementReasons(
  plan: ConsignmentPlan,
  catalogue: SimulationCatalogue,
  add: (code: RuleId, stages?: readonly Stage[]) => void,
): void {
  const inside = (m: PlannedMovement): boolean =>
    m.location.code?.startsWith(catalogue.jurisdiction) === true;
  if (sealChainBroken(plan)) {
    add('SEAL_MISMATCH', ['IMPORT', 'TRANSIT', 'TRANSSHIPMENT']);
  }
  if (plan.movements.some((m) => (m.code === 'STUF' || m.code === 'STRP') && inside(m))) {
    add('UNEXPECTED_STUFFING', ['TRANSSHIPMENT']);
  }
  const limits = catalogue.pack.limits;
  const entry = plan.movements.find(inside);
  if (entry) {
    const exit = plan.movements.find(
      (m) =>
        m.at > entry.at &&
        ((m.code === 'GTOT' &&
          m.location.code !== undefined &&
          catalogue.pack.borderCrossings.has(m.location.code)) ||
          (m.code === 'LOAD' && m.modeOfTransport !== 'TRUCK' && m.modeOfTransport !== 'RAIL') ||
          !inside(m)),
    );
    if (!exit || exit.at >= entry.at + limits.transitMaxHours * HOUR_MS) {
      add('TRANSIT_OVERDUE', ['TRANSIT']);
    }
  }
  plan.containers.forEach((_, index) => {
    const disc = plan.movements.find((m) => m.code === 'DISC' && m.containerIndex === index && inside(m));
    if (!disc) {
      return;
    }
    const onward = plan.movements.find(
      (m) => m.at > disc.at && m.containerIndex === index && (m.code === 'LOAD' || m.code === 'GTOT'),
    );
    if (!onward || onward.at >= disc.at + limits.dwellMaxHours * HOUR_MS) {
      add('DWELL_EXCEEDED', ['TRANSSHIPMENT']);
    }
  });
}

/** Manifest seals, replaced by a reseal; an inspection or removal explains the next change. */
function sealChainBroken(plan: ConsignmentPlan): boolean {
  return plan.containers.some((container, index) => {
    let expected = container.seals.map((s) => s.number);
    let explained = false;
    for (const movement of plan.movements) {
      if (movement.containerIndex !== index) {
        continue;
      }
      const observed = (movement.seals ?? container.seals).map((s) => s.number);
      if (movement.code === 'RSEA') {
        expected = observed;
        explained = false;
        continue;
      }
      if (movement.code === 'INSP' || movement.code === 'RMVD') {
        explained = true;
        if (observed.length > 0) {
          expected = observed;
        }
        continue;
      }
      if (observed.length === 0) {
        continue;
      }
      const same = observed.length === expected.length && observed.every((seal) => expected.includes(seal));
      if (!same && !explained && expected.length > 0) {
        return true;
      }
      expected = observed;
      explained = false;
    }
    return false;
  });
}

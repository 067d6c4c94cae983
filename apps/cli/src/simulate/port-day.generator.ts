import { RULE_IDS, Topics, type RuleId, type Stage } from '@chokepoint/contracts';
import type { ConsignmentPlan, PlannedTruth } from './consignment-plan';
import { ConsignmentPlanner, toIso, type ConsignmentSpec, type VesselCall } from './consignment-planner';
import { transportDocumentOf } from './dcsa-transport-document.builder';
import { tntEventOf } from './dcsa-tnt-event.builder';
import { IdentifierRegistry } from './identifier-registry';
import { PartyNameGenerator } from './party-name.generator';
import { PlantingContext } from './planting-context';
import type { JurisdictionPort } from './reference/port-profiles';
import { addBenignVariety, plantRisk, settleTruth } from './risk-planter';
import { RISK_SCENARIOS, UNPLANTABLE_REASON_CODES, type RiskScenario } from './risk-scenarios';
import type { SimulationCatalogue } from './simulation-catalogue';
import { SimulationRandom } from './simulation-random';

const HOUR_MS = 3_600_000;
const CONSIGNMENTS_PER_CALL = 25;

export const EBL_CONTENT_TYPE = 'application/vnd.dcsa.ebl+json;version=3.0.0';
export const TNT_CONTENT_TYPE = 'application/vnd.dcsa.tnt+json;version=3.0.0';

/** Share of consignments per stage at the jurisdiction's ports (null: stays on board, out of scope). */
export const STAGE_MIX: readonly (readonly [Stage | null, number])[] = [
  ['EXPORT', 40],
  ['IMPORT', 37],
  ['TRANSSHIPMENT', 13],
  ['TRANSIT', 7],
  [null, 3],
];

export interface PortDayOptions {
  seed: number;
  /** Simulated day start, epoch ms. */
  startMs: number;
  durationHours: number;
  consignments: number;
  /** Share of consignments carrying a planted risk. */
  riskRate: number;
  /** Relative weight of each reason code among the planted risks (default 1 each). */
  riskWeights?: Partial<Record<RuleId, number>>;
}

/** One Kafka record, in the replay CLI's NDJSON line shape (plus its time for ordering). */
export interface SimulatedRecord {
  topic: string;
  key: string;
  headers: Record<string, string>;
  timestamp: string;
  value: Record<string, unknown>;
}

export interface GroundTruthEntry extends PlannedTruth {
  consignmentId: string;
  stage: Stage | null;
  port: string;
}

export interface PortDaySummary {
  seed: number;
  start: string;
  end: string;
  /** Time of the last record; replay with `--until` at or after `timersDueBy` to let every timer fire. */
  lastRecordAt: string;
  timersDueBy: string;
  consignments: number;
  records: number;
  manifests: number;
  movements: number;
  byStage: Record<string, number>;
  byPort: Record<string, number>;
  plantedByPrimaryCode: Partial<Record<RuleId, number>>;
  unplantable: Partial<Record<RuleId, string>>;
}

export interface PortDay {
  records: SimulatedRecord[];
  groundTruth: GroundTruthEntry[];
  summary: PortDaySummary;
}

/** Largest-remainder shares of `total` over weighted items: every item with weight gets its due. */
function apportion<T>(items: readonly (readonly [T, number])[], total: number): T[] {
  const weightSum = items.reduce((sum, [, w]) => sum + w, 0);
  if (weightSum <= 0 || total <= 0) {
    return [];
  }
  const shares = items.map(([item, weight]) => ({ item, exact: (total * weight) / weightSum }));
  const out: T[] = [];
  shares.forEach((share) => {
    for (let i = 0; i < Math.floor(share.exact); i++) {
      out.push(share.item);
    }
  });
  const rest = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; out.length < total && i < rest.length; i++) {
    const share = rest[i];
    if (share) {
      out.push(share.item);
    }
  }
  return out;
}

export function plantableScenarios(weights: Partial<Record<RuleId, number>> = {}): [RiskScenario, number][] {
  return RISK_SCENARIOS.filter((s) => UNPLANTABLE_REASON_CODES[s.code] === undefined)
    .map((s) => [s, weights[s.code] ?? 1] as [RiskScenario, number])
    .filter(([, weight]) => weight > 0);
}

/**
 * A simulated day at the jurisdiction's ports as Kafka records (eBL 3.0 manifests and TNT 3.0 events)
 * in event-time order, with the ground truth of what should be held and why. Pure: the same options and
 * catalogue give byte-identical output; no clock, no I/O.
 */
export function generatePortDay(options: PortDayOptions, catalogue: SimulationCatalogue): PortDay {
  const random = new SimulationRandom(options.seed);
  const clock = { startMs: options.startMs, endMs: options.startMs + options.durationHours * HOUR_MS };
  const ids = new IdentifierRegistry(random);
  const names = new PartyNameGenerator(catalogue, random);
  const planner = new ConsignmentPlanner(catalogue, random, clock, ids, names);

  const count = options.consignments;
  // Shuffled first so that, when risks are fewer than codes, each seed plants a different subset.
  const risky = apportion(
    random.shuffle(plantableScenarios(options.riskWeights)),
    Math.round(count * options.riskRate),
  );
  const slots: (RiskScenario | undefined)[] = random.shuffle([
    ...risky,
    ...new Array<undefined>(Math.max(0, count - risky.length)).fill(undefined),
  ]);
  const ports = catalogue.ports.map((port) => [port, port.share] as const);
  const portOf = slots.map((scenario) => {
    const stage = pickStage(random, scenario);
    const candidates = ports.filter(
      ([port]) =>
        (stage !== 'TRANSIT' || port.transit.length > 0) &&
        (stage === null || scenario?.portFilter?.(port, stage) !== false),
    );
    return { scenario, stage, port: random.weighted(candidates.length > 0 ? candidates : ports) };
  });
  const calls = scheduleCalls(
    catalogue,
    random,
    planner,
    clock,
    portOf.map((p) => p.port),
  );

  const plans: ConsignmentPlan[] = portOf.map(({ scenario, stage, port }) => {
    const portCalls = calls.get(port.code) ?? [];
    const call = random.pick(portCalls);
    const spec: ConsignmentSpec = { stage, call, routeNamesHub: random.chance(0.5) };
    const plan = planner.plan(spec);
    if (stage === null) {
      return plan;
    }
    const ctx = new PlantingContext(plan, catalogue, random, ids, names, planner, clock);
    if (scenario) {
      plantRisk(ctx, scenario);
    } else {
      addBenignVariety(ctx);
      settleTruth(plan, ctx);
    }
    return plan;
  });
  return assemble(plans, options, catalogue, random, ids);
}

function pickStage(random: SimulationRandom, scenario: RiskScenario | undefined): Stage | null {
  if (!scenario) {
    return random.weighted(STAGE_MIX);
  }
  const allowed = STAGE_MIX.filter(([stage]) => stage !== null && scenario.stages.includes(stage));
  return random.weighted(allowed);
}

/** Ship calls spread over the day at each port, enough for about 25 consignments each. */
function scheduleCalls(
  catalogue: SimulationCatalogue,
  random: SimulationRandom,
  planner: ConsignmentPlanner,
  clock: { startMs: number; endMs: number },
  portsOfConsignments: readonly JurisdictionPort[],
): Map<string, VesselCall[]> {
  const vessels = random.shuffle(catalogue.vessels);
  let next = 0;
  const calls = new Map<string, VesselCall[]>();
  for (const port of catalogue.ports) {
    const load = portsOfConsignments.filter((p) => p.code === port.code).length;
    const count = Math.max(1, Math.ceil(load / CONSIGNMENTS_PER_CALL));
    const list: VesselCall[] = [];
    for (let i = 0; i < count; i++) {
      const vessel = vessels[next % vessels.length];
      next += 1;
      const carrier = catalogue.carriers.find((c) => c.scac === vessel?.carrierScac) ?? catalogue.carriers[0];
      if (!vessel || !carrier) {
        continue;
      }
      const span = Math.max(HOUR_MS, clock.endMs - clock.startMs - HOUR_MS);
      const arrivalMs = clock.startMs + Math.round((random.next() * span) / 60_000) * 60_000;
      list.push({
        port,
        vessel: planner.vesselOf(vessel),
        carrier,
        arrivalMs,
        departureMs: arrivalMs + random.hours(12, 30),
      });
    }
    calls.set(port.code, list);
  }
  return calls;
}

function assemble(
  plans: readonly ConsignmentPlan[],
  options: PortDayOptions,
  catalogue: SimulationCatalogue,
  random: SimulationRandom,
  ids: IdentifierRegistry,
): PortDay {
  const timed: { at: number; order: number; record: SimulatedRecord }[] = [];
  let order = 0;
  const push = (at: number, record: SimulatedRecord): void => {
    timed.push({ at, order: order++, record });
  };
  for (const plan of plans) {
    const manifestHeaders = { 'content-type': EBL_CONTENT_TYPE, 'originating-party': plan.carrierScac };
    push(plan.manifestAt, {
      topic: Topics.portManifests,
      key: plan.transportDocumentReference,
      headers: manifestHeaders,
      timestamp: toIso(plan.manifestAt),
      value: transportDocumentOf(plan, 0),
    });
    plan.amendments.forEach((amendment, index) => {
      push(amendment.at, {
        topic: Topics.portManifests,
        key: plan.transportDocumentReference,
        headers: manifestHeaders,
        timestamp: toIso(amendment.at),
        value: transportDocumentOf(plan, index + 1),
      });
    });
    for (const movement of plan.movements) {
      const container =
        movement.containerIndex === undefined ? undefined : plan.containers[movement.containerIndex];
      const reportedAt = movement.at + random.int(10, 180) * 1000;
      push(movement.at, {
        topic: Topics.portMovements,
        key: container?.reference ?? plan.transportDocumentReference,
        headers: { 'content-type': TNT_CONTENT_TYPE, 'originating-party': movement.reporter },
        timestamp: toIso(movement.at),
        value: tntEventOf(plan, movement, ids.eventId(), reportedAt),
      });
    }
  }
  timed.sort((a, b) => a.at - b.at || a.order - b.order);
  const records = timed.map((t) => t.record);
  const lastAt = timed.length > 0 ? (timed[timed.length - 1]?.at ?? options.startMs) : options.startMs;
  const limits = catalogue.pack.limits;
  const timersDueBy = lastAt + (Math.max(limits.transitMaxHours, limits.dwellMaxHours) + 1) * HOUR_MS;
  const count = (key: (plan: ConsignmentPlan) => string | null): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const plan of plans) {
      const k = key(plan);
      if (k !== null) {
        out[k] = (out[k] ?? 0) + 1;
      }
    }
    return out;
  };
  return {
    records,
    groundTruth: plans.map((plan) => ({
      consignmentId: plan.transportDocumentReference,
      stage: plan.stage,
      port: plan.port.code ?? '',
      ...plan.truth,
    })),
    summary: {
      seed: options.seed,
      start: toIso(options.startMs),
      end: toIso(options.startMs + options.durationHours * HOUR_MS),
      lastRecordAt: toIso(lastAt),
      timersDueBy: toIso(timersDueBy),
      consignments: plans.length,
      records: records.length,
      manifests: records.filter((r) => r.topic === Topics.portManifests).length,
      movements: records.filter((r) => r.topic === Topics.portMovements).length,
      byStage: count((plan) => plan.stage ?? 'OUT_OF_SCOPE'),
      byPort: count((plan) => plan.port.code ?? null),
      plantedByPrimaryCode: Object.fromEntries(
        RULE_IDS.map((code) => [code, plans.filter((p) => p.truth.primaryReasonCode === code).length]).filter(
          ([, n]) => Number(n) > 0,
        ),
      ) as Partial<Record<RuleId, number>>,
      unplantable: { ...UNPLANTABLE_REASON_CODES },
    },
  };
}

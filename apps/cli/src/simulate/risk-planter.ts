import type { RuleId } from '@chokepoint/contracts';
import type { ConsignmentPlan } from './consignment-plan';
import { expectedReasons } from './expected-reasons';
import type { PlantingContext } from './planting-context';
import { COMPANION_FLAGS, type CompanionFlag, type RiskScenario } from './risk-scenarios';

const HOUR_MS = 3_600_000;

/** Tries a change on the plan and keeps it only when `accept` agrees. */
function trial(ctx: PlantingContext, apply: () => void, accept: () => boolean): boolean {
  const saved = structuredClone(ctx.plan);
  const claimed = new Set(ctx.claimed);
  apply();
  if (accept()) {
    return true;
  }
  Object.assign(ctx.plan, saved);
  ctx.claimed.clear();
  claimed.forEach((slot) => ctx.claimed.add(slot));
  return false;
}

function usable(ctx: PlantingContext, companion: CompanionFlag, exclude: RuleId): boolean {
  return companion.code !== exclude && companion.stages.includes(ctx.stage) && ctx.canClaim(companion.slots);
}

/**
 * Plants one reason code on a clean plan (see RiskScenario for the HOLD / early / late policies) and
 * writes the ground truth: every code the plan should raise and the outcome the pack's scores give.
 */
export function plantRisk(ctx: PlantingContext, scenario: RiskScenario): void {
  const catalogue = ctx.catalogue;
  const threshold = catalogue.pack.holdThreshold;
  const flagScore = (): number => expectedReasons(ctx.plan, catalogue).flagScore;
  const lateScore = scenario.plant(ctx);
  ctx.plan.truth.scenario = 'RISK';
  ctx.plan.truth.primaryReasonCode = scenario.code;
  const companions = ctx.random.shuffle(COMPANION_FLAGS);

  if (scenario.kind === 'FLAG_EARLY') {
    if (ctx.random.chance(0.5)) {
      ctx.note('planted alone: a RELEASE that lists the flag');
    } else {
      ctx.note('planted with companion flags up to the hold threshold');
      for (const companion of companions) {
        if (flagScore() >= threshold) {
          break;
        }
        if (usable(ctx, companion, scenario.code)) {
          ctx.claim(companion.slots);
          companion.plant(ctx);
        }
      }
    }
  } else if (lateScore > 0) {
    // The documents' flags must stay below the threshold so that the late flag is what tips it.
    ctx.note('late flag: companions below the threshold until it arrives');
    for (const companion of companions) {
      if (flagScore() >= threshold) {
        break;
      }
      if (usable(ctx, companion, scenario.code)) {
        trial(
          ctx,
          () => {
            ctx.claim(companion.slots);
            companion.plant(ctx);
          },
          () => expectedReasons(ctx.plan, catalogue, { documentsOnly: true }).flagScore < threshold,
        );
      }
    }
  }
  settleTruth(ctx.plan, ctx);
}

/** Ground truth of a plan as it now stands (clean plans get their benign flags recorded). */
export function settleTruth(plan: ConsignmentPlan, ctx: Pick<PlantingContext, 'catalogue'>): void {
  const expected = expectedReasons(plan, ctx.catalogue);
  const truth = plan.truth;
  truth.expectedOutcome = expected.outcome;
  truth.holdReasonCodes = expected.holdCodes;
  if (truth.scenario === 'RISK') {
    truth.plantedReasonCodes = expected.codes;
    truth.benignReasonCodes = [];
    if (truth.primaryReasonCode !== null && !expected.codes.includes(truth.primaryReasonCode)) {
      truth.notes.push(`${truth.primaryReasonCode} could not be planted on this consignment`);
    }
  } else {
    truth.plantedReasonCodes = [];
    truth.benignReasonCodes = expected.codes;
  }
}

/**
 * What honest trade also looks like: forwarders as consignees (with or without the end user named),
 * licensed dual-use or military goods, deliveries into free zones, customs inspections with a reseal.
 * At most one feature that raises a flag, so clean traffic stays below the threshold by design.
 */
export function addBenignVariety(ctx: PlantingContext): void {
  const stage = ctx.stage;
  const plan = ctx.plan;
  const roll = ctx.random.next();
  if ((stage === 'EXPORT' || stage === 'IMPORT') && roll < 0.04) {
    const consignee = plan.parties.consignee;
    plan.parties.consignee = ctx.names.intermediary(consignee.countryCode, consignee.city);
    plan.parties.endUser = { ...consignee };
    ctx.note('forwarder consignee with the end user named');
  } else if ((stage === 'EXPORT' || stage === 'IMPORT') && roll < 0.07) {
    const consignee = plan.parties.consignee;
    plan.parties.consignee = ctx.names.intermediary(consignee.countryCode, consignee.city);
    ctx.note('forwarder consignee, no end user named');
  } else if (roll < 0.085) {
    const goods = ctx.controlledFrom(['dualUse']);
    ctx.placeGoods(
      {
        hsCode: goods.hsCode,
        description: goods.description,
        packageCode: 'CS',
        licence: ctx.licence('VALID'),
      },
      true,
    );
    ctx.note(`licensed dual-use goods HS ${goods.hsCode}`);
  } else if (
    (stage === 'EXPORT' || stage === 'TRANSSHIPMENT') &&
    roll < 0.1 &&
    ctx.catalogue.risk.freeZones.length > 0
  ) {
    const zone = ctx.random.pick(ctx.catalogue.risk.freeZones);
    ctx.setDestination(ctx.place(zone.code, zone.name));
    ctx.note(`delivery in free zone ${zone.code}`);
  } else if ((stage === 'EXPORT' || stage === 'IMPORT') && roll < 0.105) {
    const goods = ctx.controlledFrom(['military']);
    ctx.placeGoods(
      {
        hsCode: goods.hsCode,
        description: goods.description,
        packageCode: 'CS',
        licence: ctx.licence('VALID'),
      },
      true,
    );
    ctx.note(`licensed military goods HS ${goods.hsCode}`);
  }
  if (stage !== 'EXPORT' && ctx.random.chance(0.03)) {
    addCustomsInspection(ctx);
  }
}

/** Customs open the box at the port: inspection on record, then a customs reseal; nothing is wrong. */
function addCustomsInspection(ctx: PlantingContext): void {
  const disc = ctx.first('DISC', 0);
  const container = ctx.plan.containers[0];
  const next = ctx.plan.movements.find((m) => m.containerIndex === 0 && disc !== undefined && m.at > disc.at);
  if (!disc || !container || !next) {
    return;
  }
  const gap = next.at - disc.at;
  const inspect = disc.at + Math.round((gap * 0.3) / 1000) * 1000;
  const reseal = inspect + Math.min(2 * HOUR_MS, Math.round((gap * 0.3) / 1000) * 1000);
  const customsSeal = [{ number: ctx.ids.seal('HQVN'), source: 'CUS' as const, type: 'BLT' as const }];
  const base = {
    kind: 'EQUIPMENT' as const,
    location: disc.location,
    facility: disc.facility,
    containerIndex: 0,
    reporter: disc.reporter,
  };
  ctx.plan.movements.push(
    { ...base, at: inspect, code: 'INSP', facilityTypeCode: 'POTE', seals: container.seals },
    { ...base, at: reseal, code: 'RSEA', facilityTypeCode: 'POTE', seals: customsSeal },
  );
  for (const movement of ctx.plan.movements) {
    if (movement.containerIndex === 0 && movement.at > reseal) {
      movement.seals = customsSeal;
    }
  }
  ctx.sortMovements();
  ctx.note('customs inspection and reseal');
}

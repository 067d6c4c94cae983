import { RULE_IDS, type DecisionEvent, type RuleId, type Stage } from '@chokepoint/contracts';
import { RULES_BY_ID } from '@chokepoint/engine';
import type { GroundTruthEntry } from '../simulate/port-day.generator';

/** Share of clean consignments the screening may hold (DESIGN target for the demo day). */
export const MAX_CLEAN_HOLD_RATE = 0.01;

export interface ReasonCodeQuality {
  ruleId: RuleId;
  /** The rule's outcome in the catalogue: HOLD, FLAG, or HOLD_OR_FLAG (DESTINATION_CHANGED). */
  level: 'HOLD' | 'FLAG' | 'HOLD_OR_FLAG';
  /** Consignments whose scenario was built around this code. */
  plantedAsPrimary: number;
  /** Consignments where the code was planted at all (as primary, companion or necessary consequence). */
  planted: number;
  /** Of those, where some decision lists the code among its reasons. */
  listed: number;
  /** Planted where the code must be a HOLD reason. */
  mustHold: number;
  /** Of those, where a HOLD decision lists the code. */
  heldWithCode: number;
  /** Clean consignments whose decisions list the code (benign flags are expected, holds are not). */
  onClean: number;
  missed: string[];
  unplantable?: string;
}

export interface MissedRisk {
  consignmentId: string;
  stage: Stage | null;
  primaryReasonCode: RuleId | null;
  expectedOutcome: string;
  gotOutcome: string;
  missingReasonCodes: RuleId[];
  decisions: string[];
  sanctionedNameSpelling?: string;
  notes: string[];
}

export interface FalseHold {
  consignmentId: string;
  stage: Stage | null;
  holdReasons: RuleId[];
  notes: string[];
}

export interface QualityReport {
  run: Record<string, string | number>;
  totals: {
    consignments: number;
    risky: number;
    clean: number;
    outOfScope: number;
    decisions: number;
    records?: number;
    rejectedRecords?: number;
  };
  perCode: ReasonCodeQuality[];
  risky: {
    expectedHold: number;
    held: number;
    expectedRelease: number;
    released: number;
    mismatches: MissedRisk[];
  };
  clean: {
    total: number;
    held: number;
    heldRate: number;
    falseHolds: FalseHold[];
    unexpectedFlags: Partial<Record<RuleId, number>>;
  };
  outOfScope: { total: number; decided: string[] };
  /** PARTY_SANCTIONED plantings by how the name was spelt: the fuzzy matcher's recall per variant. */
  sanctionedNames: Record<string, { planted: number; held: number }>;
  stageMismatches: { consignmentId: string; expected: Stage | null; got: Stage }[];
  targets: {
    everyPlantedHoldHeld: boolean;
    plantedHoldReasons: number;
    plantedHoldReasonsHeld: number;
    cleanHeldRate: number;
    cleanHeldRateMax: number;
    cleanHeldRateMet: boolean;
    met: boolean;
  };
}

function levelOf(ruleId: RuleId): ReasonCodeQuality['level'] {
  return RULES_BY_ID.get(ruleId)?.outcome ?? 'FLAG';
}

function describe(decision: DecisionEvent): string {
  return `#${decision.sequence} ${decision.decision} [${decision.reasons.map((r) => `${r.ruleId}:${r.outcome}`).join(', ')}]`;
}

/**
 * Compares the decisions a replay produced with the ground truth of a simulated day: per reason code,
 * how many planted risks were listed and held with that code; clean consignments held; targets met.
 */
export function buildQualityReport(
  groundTruth: readonly GroundTruthEntry[],
  decisions: readonly DecisionEvent[],
  run: Record<string, string | number> = {},
  unplantable: Partial<Record<RuleId, string>> = {},
): QualityReport {
  const byConsignment = new Map<string, DecisionEvent[]>();
  for (const decision of decisions) {
    const list = byConsignment.get(decision.consignmentId) ?? [];
    list.push(decision);
    byConsignment.set(decision.consignmentId, list);
  }
  for (const list of byConsignment.values()) {
    list.sort((a, b) => a.sequence - b.sequence);
  }
  const perCode = new Map<RuleId, ReasonCodeQuality>();
  const statsOf = (ruleId: RuleId): ReasonCodeQuality => {
    let stats = perCode.get(ruleId);
    if (!stats) {
      stats = {
        ruleId,
        level: levelOf(ruleId),
        plantedAsPrimary: 0,
        planted: 0,
        listed: 0,
        mustHold: 0,
        heldWithCode: 0,
        onClean: 0,
        missed: [],
        ...(unplantable[ruleId] ? { unplantable: unplantable[ruleId] } : {}),
      };
      perCode.set(ruleId, stats);
    }
    return stats;
  };
  RULE_IDS.forEach(statsOf);
  const report: QualityReport = {
    run,
    totals: {
      consignments: groundTruth.length,
      risky: 0,
      clean: 0,
      outOfScope: 0,
      decisions: decisions.length,
    },
    perCode: [],
    risky: { expectedHold: 0, held: 0, expectedRelease: 0, released: 0, mismatches: [] },
    clean: { total: 0, held: 0, heldRate: 0, falseHolds: [], unexpectedFlags: {} },
    outOfScope: { total: 0, decided: [] },
    sanctionedNames: {},
    stageMismatches: [],
    targets: {
      everyPlantedHoldHeld: true,
      plantedHoldReasons: 0,
      plantedHoldReasonsHeld: 0,
      cleanHeldRate: 0,
      cleanHeldRateMax: MAX_CLEAN_HOLD_RATE,
      cleanHeldRateMet: true,
      met: true,
    },
  };

  for (const truth of groundTruth) {
    const list = byConsignment.get(truth.consignmentId) ?? [];
    const last = list[list.length - 1];
    const outcome = last?.decision ?? 'NONE';
    const listed = new Set(list.flatMap((d) => d.reasons.map((r) => r.ruleId)));
    const heldWith = new Set(
      list.filter((d) => d.decision === 'HOLD').flatMap((d) => d.reasons.map((r) => r.ruleId)),
    );
    if (last && truth.stage !== null && last.stage !== truth.stage) {
      report.stageMismatches.push({
        consignmentId: truth.consignmentId,
        expected: truth.stage,
        got: last.stage,
      });
    }
    if (truth.scenario === 'OUT_OF_SCOPE') {
      report.totals.outOfScope += 1;
      report.outOfScope.total += 1;
      if (list.length > 0) {
        report.outOfScope.decided.push(truth.consignmentId);
      }
      continue;
    }
    if (truth.scenario === 'CLEAN') {
      report.totals.clean += 1;
      report.clean.total += 1;
      for (const code of listed) {
        statsOf(code).onClean += 1;
        if (!truth.benignReasonCodes.includes(code)) {
          report.clean.unexpectedFlags[code] = (report.clean.unexpectedFlags[code] ?? 0) + 1;
        }
      }
      if (list.some((d) => d.decision === 'HOLD')) {
        report.clean.held += 1;
        report.clean.falseHolds.push({
          consignmentId: truth.consignmentId,
          stage: truth.stage,
          holdReasons: [
            ...new Set(
              list.filter((d) => d.decision === 'HOLD').flatMap((d) => d.reasons.map((r) => r.ruleId)),
            ),
          ],
          notes: truth.notes,
        });
      }
      continue;
    }
    report.totals.risky += 1;
    if (truth.primaryReasonCode) {
      statsOf(truth.primaryReasonCode).plantedAsPrimary += 1;
    }
    const missing: RuleId[] = [];
    for (const code of truth.plantedReasonCodes) {
      const stats = statsOf(code);
      stats.planted += 1;
      if (listed.has(code)) {
        stats.listed += 1;
      } else {
        missing.push(code);
      }
      if (truth.holdReasonCodes.includes(code)) {
        stats.mustHold += 1;
        report.targets.plantedHoldReasons += 1;
        if (heldWith.has(code)) {
          stats.heldWithCode += 1;
          report.targets.plantedHoldReasonsHeld += 1;
        } else {
          stats.missed.push(truth.consignmentId);
          if (!missing.includes(code)) {
            missing.push(code);
          }
        }
      } else if (truth.expectedOutcome === 'HOLD' && heldWith.has(code)) {
        stats.heldWithCode += 1;
      }
      if (!listed.has(code) && !stats.missed.includes(truth.consignmentId)) {
        stats.missed.push(truth.consignmentId);
      }
    }
    if (truth.sanctionedNameSpelling !== undefined && truth.plantedReasonCodes.includes('PARTY_SANCTIONED')) {
      const spelling = (report.sanctionedNames[truth.sanctionedNameSpelling] ??= { planted: 0, held: 0 });
      spelling.planted += 1;
      if (heldWith.has('PARTY_SANCTIONED')) {
        spelling.held += 1;
      }
    }
    if (truth.expectedOutcome === 'HOLD') {
      report.risky.expectedHold += 1;
      if (outcome === 'HOLD') {
        report.risky.held += 1;
      }
    } else {
      report.risky.expectedRelease += 1;
      if (outcome === 'RELEASE') {
        report.risky.released += 1;
      }
    }
    if (outcome !== truth.expectedOutcome || missing.length > 0) {
      report.risky.mismatches.push({
        consignmentId: truth.consignmentId,
        stage: truth.stage,
        primaryReasonCode: truth.primaryReasonCode,
        expectedOutcome: truth.expectedOutcome,
        gotOutcome: outcome,
        missingReasonCodes: missing,
        decisions: list.map(describe),
        ...(truth.sanctionedNameSpelling === undefined
          ? {}
          : { sanctionedNameSpelling: truth.sanctionedNameSpelling }),
        notes: truth.notes,
      });
    }
  }
  report.perCode = [...perCode.values()];
  const rate = report.clean.total === 0 ? 0 : report.clean.held / report.clean.total;
  report.clean.heldRate = rate;
  report.targets.cleanHeldRate = rate;
  report.targets.everyPlantedHoldHeld =
    report.targets.plantedHoldReasonsHeld === report.targets.plantedHoldReasons;
  report.targets.cleanHeldRateMet = rate <= MAX_CLEAN_HOLD_RATE;
  report.targets.met = report.targets.everyPlantedHoldHeld && report.targets.cleanHeldRateMet;
  return report;
}

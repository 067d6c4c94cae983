import { flagFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

/** Weighed boxes heavier or lighter than declared beyond tolerance (tare included or not). */
export const weightDiscrepancyRule: ScreeningRule = {
  id: 'WEIGHT_DISCREPANCY',
  version: 'WEIGHT_DISCREPANCY@1',
  stages: ['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'FLAG',
  defaultScore: 30,
  params: {},
  evaluate(input, settings) {
    const tolerance = input.pack.limits.weightTolerancePercent / 100;
    const latest = new Map<string, number>();
    for (const movement of input.journey.actual) {
      if (movement.equipmentReference && movement.grossWeightKg !== undefined) {
        latest.set(movement.equipmentReference, movement.grossWeightKg);
      }
    }
    const discrepancies = [];
    for (const [reference, observedKg] of latest) {
      const declaredKg = declaredCargoWeight(input.manifest, reference);
      if (declaredKg === null || declaredKg <= 0) {
        continue;
      }
      const tare = input.manifest.equipment.find((e) => e.reference === reference)?.tareWeightKg ?? 0;
      const candidates = tare > 0 ? [declaredKg, declaredKg + tare] : [declaredKg];
      const within = candidates.some((expected) => Math.abs(observedKg - expected) <= expected * tolerance);
      if (!within) {
        discrepancies.push({
          equipmentReference: reference,
          declaredKg,
          observedKg,
          differencePercent: Math.round(((observedKg - declaredKg) / declaredKg) * 1000) / 10,
        });
      }
    }
    if (discrepancies.length === 0) {
      return [];
    }
    return [
      flagFinding('WEIGHT_DISCREPANCY', settings, ['INTEGRITY'], {
        tolerancePercent: input.pack.limits.weightTolerancePercent,
        containers: discrepancies,
      }),
    ];
  },
};

function declaredCargoWeight(manifest: ScreeningInputManifest, reference: string): number | null {
  const equipment = manifest.equipment.find((e) => e.reference === reference);
  if (equipment?.cargoGrossWeightKg !== undefined) {
    return equipment.cargoGrossWeightKg;
  }
  // Fall back on the goods items packed in this box only when each names exactly this box.
  const items = manifest.goodsItems.filter(
    (item) => item.equipmentReferences.length === 1 && item.equipmentReferences[0] === reference,
  );
  if (items.length === 0 || items.some((item) => item.grossWeightKg === undefined)) {
    return null;
  }
  return items.reduce((sum, item) => sum + (item.grossWeightKg ?? 0), 0);
}

type ScreeningInputManifest = Parameters<ScreeningRule['evaluate']>[0]['manifest'];

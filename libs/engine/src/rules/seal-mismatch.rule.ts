import type { MovementEvent } from '@chokepoint/contracts';
import { holdFinding } from './rule-finding';
import type { RuleFinding, ScreeningRule } from './rule.types';

const EXPLAINING_EVENTS = new Set(['INSP', 'RMVD']);

function sameSeals(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((seal) => b.includes(seal));
}

/**
 * Expected seals start as the manifest's, a reseal (RSEA) replaces them, and an inspection or removal
 * explains the next change; any other change is a broken chain of custody.
 */
export const sealMismatchRule: ScreeningRule = {
  id: 'SEAL_MISMATCH',
  version: 'SEAL_MISMATCH@1',
  stages: ['IMPORT', 'TRANSIT', 'TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    const expected = new Map<string, string[] | null>();
    const explained = new Set<string>();
    for (const equipment of input.manifest.equipment) {
      expected.set(
        equipment.reference,
        equipment.seals.length > 0 ? equipment.seals.map((s) => s.number) : null,
      );
    }
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const movement of input.journey.actual) {
      const reference = movement.equipmentReference;
      if (!reference || !expected.has(reference) || reported.has(reference)) {
        continue;
      }
      const observed = movement.seals.map((s) => s.number);
      if (movement.eventCode === 'RSEA') {
        expected.set(reference, observed);
        explained.delete(reference);
        continue;
      }
      if (EXPLAINING_EVENTS.has(movement.eventCode)) {
        explained.add(reference);
        if (observed.length > 0) {
          expected.set(reference, observed);
        }
        continue;
      }
      if (observed.length === 0) {
        continue;
      }
      const current = expected.get(reference) ?? null;
      if (current === null || explained.has(reference) || sameSeals(current, observed)) {
        expected.set(reference, observed);
        explained.delete(reference);
        continue;
      }
      reported.add(reference);
      findings.push(
        holdFinding('SEAL_MISMATCH', ['INTEGRITY'], sealEvidence(reference, current, observed, movement)),
      );
    }
    return findings;
  },
};

function sealEvidence(
  equipmentReference: string,
  expected: string[],
  observed: string[],
  movement: MovementEvent,
): Record<string, unknown> {
  return {
    equipmentReference,
    expected,
    observed,
    location: movement.location?.unLocode ?? null,
    eventId: movement.eventId,
    eventCode: movement.eventCode,
    eventDateTime: movement.eventDateTime,
  };
}

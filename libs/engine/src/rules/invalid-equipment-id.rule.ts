import { isValidContainerNumber } from '../identifiers/check-digit';
import { flagFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** Container numbers failing the ISO 6346 check digit: typo at best, a fake box at worst. */
export const invalidEquipmentIdRule: ScreeningRule = {
  id: 'INVALID_EQUIPMENT_ID',
  version: 'INVALID_EQUIPMENT_ID@1',
  stages: ALL_STAGES,
  category: 'INTEGRITY',
  outcome: 'FLAG',
  defaultScore: 20,
  params: {},
  evaluate(input, settings) {
    const invalid = new Set<string>();
    for (const equipment of input.manifest.equipment) {
      if (!equipment.referenceCheckDigitValid || !isValidContainerNumber(equipment.reference)) {
        invalid.add(equipment.reference);
      }
    }
    for (const movement of input.journey.actual) {
      const reference = movement.equipmentReference;
      if (
        reference &&
        (movement.equipmentReferenceCheckDigitValid === false || !isValidContainerNumber(reference))
      ) {
        invalid.add(reference);
      }
    }
    if (invalid.size === 0) {
      return [];
    }
    return [
      flagFinding('INVALID_EQUIPMENT_ID', settings, ['INTEGRITY'], {
        equipmentReferences: [...invalid].sort(),
      }),
    ];
  },
};

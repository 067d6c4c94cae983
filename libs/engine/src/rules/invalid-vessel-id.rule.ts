import { isValidImoNumber } from '../identifiers/check-digit';
import { flagFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** IMO numbers failing their check digit: ships hiding their identity (spoofing, false flags). */
export const invalidVesselIdRule: ScreeningRule = {
  id: 'INVALID_VESSEL_ID',
  version: 'INVALID_VESSEL_ID@1',
  stages: ALL_STAGES,
  category: 'INTEGRITY',
  outcome: 'FLAG',
  defaultScore: 30,
  params: {},
  evaluate(input, settings) {
    const invalid = new Map<string, string | null>();
    for (const { vessel } of input.vessels) {
      const imo = vessel.imoNumber;
      if (imo && (vessel.imoCheckDigitValid === false || !isValidImoNumber(imo))) {
        invalid.set(imo, vessel.name ?? null);
      }
    }
    if (invalid.size === 0) {
      return [];
    }
    return [
      flagFinding('INVALID_VESSEL_ID', settings, ['INTEGRITY'], {
        vessels: [...invalid].map(([imoNumber, name]) => ({ imoNumber, name })),
      }),
    ];
  },
};

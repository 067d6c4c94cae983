import { holdFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** A vessel's IMO number on a sanctions list (exact match, IMO numbers are unique). */
export const vesselSanctionedRule: ScreeningRule = {
  id: 'VESSEL_SANCTIONED',
  version: 'VESSEL_SANCTIONED@1',
  stages: ALL_STAGES,
  category: 'SANCTIONS',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    return input.vesselHits.flatMap(({ imoNumber, hits }) => {
      const hit = hits[0];
      if (!hit) {
        return [];
      }
      return [
        holdFinding('VESSEL_SANCTIONED', ['SANCTIONS'], {
          imoNumber,
          vesselName: input.vessels.find((v) => v.vessel.imoNumber === imoNumber)?.vessel.name ?? null,
          listId: hit.listId,
          entryReference: hit.entryReference,
          entryName: hit.entryName,
        }),
      ];
    });
  },
};

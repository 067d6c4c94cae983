import { holdFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** A party name or alias on a sanctions list, at or above the pack's match score. */
export const partySanctionedRule: ScreeningRule = {
  id: 'PARTY_SANCTIONED',
  version: 'PARTY_SANCTIONED@1',
  stages: ALL_STAGES,
  category: 'SANCTIONS',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    const minScore = input.pack.sanctionsMinScore;
    return input.parties.flatMap(({ party, hits }) => {
      const best = hits.filter((hit) => hit.score >= minScore).sort((a, b) => b.score - a.score)[0];
      if (!best) {
        return [];
      }
      return [
        holdFinding('PARTY_SANCTIONED', ['SANCTIONS'], {
          role: party.role,
          partyName: party.name,
          listId: best.listId,
          entryReference: best.entryReference,
          entryName: best.entryName,
          matchedName: best.matchedName,
          score: best.score,
        }),
      ];
    });
  },
};

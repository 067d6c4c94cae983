import { controlledEvidence, categoriesOf, itemsOnLists } from './hs-list-matches';
import { holdFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** Nuclear materials and plant (HS 2844, 284510, 8401, …) move only under a valid licence. */
export const hsNuclearRule: ScreeningRule = {
  id: 'HS_NUCLEAR',
  version: 'HS_NUCLEAR@1',
  stages: ALL_STAGES,
  category: 'NUCLEAR',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    return itemsOnLists(input, { rule: 'HS_NUCLEAR' })
      .filter((controlled) => controlled.licenceStatus !== 'VALID')
      .map((controlled) =>
        holdFinding('HS_NUCLEAR', categoriesOf(controlled), controlledEvidence(controlled)),
      );
  },
};

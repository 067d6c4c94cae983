import { controlledEvidence, categoriesOf, itemsOnLists } from './hs-list-matches';
import { holdFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** Munitions-list goods (HS 93, 8710, 890610, …) move only under a valid licence. */
export const hsMilitaryRule: ScreeningRule = {
  id: 'HS_MILITARY',
  version: 'HS_MILITARY@1',
  stages: ALL_STAGES,
  category: 'MILITARY',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    return itemsOnLists(input, { rule: 'HS_MILITARY' })
      .filter((controlled) => controlled.licenceStatus !== 'VALID')
      .map((controlled) =>
        holdFinding('HS_MILITARY', categoriesOf(controlled), controlledEvidence(controlled)),
      );
  },
};

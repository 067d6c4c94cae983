import { HS_LIST_NAMES } from '../rule-pack/rule-pack.types';
import { categoriesOf, controlledEvidence, itemsOnLists } from './hs-list-matches';
import { holdFinding, stringListParam } from './rule-finding';
import type { ScreeningRule } from './rule.types';

/** Controlled goods need a licence with a reference, valid at event time, for the stage's direction. */
export const licenceMissingRule: ScreeningRule = {
  id: 'LICENCE_MISSING',
  version: 'LICENCE_MISSING@1',
  stages: ['EXPORT', 'IMPORT', 'TRANSIT'],
  category: 'DUAL_USE',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {
    lists: { type: 'string[]', allowed: HS_LIST_NAMES, default: HS_LIST_NAMES },
  },
  evaluate(input, settings) {
    return itemsOnLists(input, { lists: stringListParam(settings, 'lists') })
      .filter((controlled) => controlled.licenceStatus !== 'VALID')
      .map((controlled) =>
        holdFinding('LICENCE_MISSING', categoriesOf(controlled), {
          ...controlledEvidence(controlled),
          stage: input.stage,
          eventTime: input.now,
        }),
      );
  },
};

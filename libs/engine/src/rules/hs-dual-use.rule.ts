import { controlledEvidence, itemsOnLists } from './hs-list-matches';
import { flagFinding, uniqueCategories } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** Watch-list headings (machine tools, centrifuges, carbon fibre, …): one flag per consignment. */
export const hsDualUseRule: ScreeningRule = {
  id: 'HS_DUAL_USE',
  version: 'HS_DUAL_USE@1',
  stages: ALL_STAGES,
  category: 'DUAL_USE',
  outcome: 'FLAG',
  defaultScore: 40,
  params: {},
  evaluate(input, settings) {
    const items = itemsOnLists(input, { rule: 'HS_DUAL_USE' });
    if (items.length === 0) {
      return [];
    }
    const categories = uniqueCategories(
      items.flatMap((controlled) => controlled.entries.map((e) => e.category)),
    );
    return [flagFinding('HS_DUAL_USE', settings, categories, { items: items.map(controlledEvidence) })];
  },
};

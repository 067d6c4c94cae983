import { flagFinding, uniqueCategories } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** Descriptions naming strategic items (centrifuge, maraging steel, rocket motor, …). */
export const descriptionKeywordRule: ScreeningRule = {
  id: 'DESCRIPTION_KEYWORD',
  version: 'DESCRIPTION_KEYWORD@1',
  stages: ALL_STAGES,
  category: 'DUAL_USE',
  outcome: 'FLAG',
  defaultScore: 50,
  params: {},
  evaluate(input, settings) {
    const matches = input.goods
      .filter((goods) => goods.keywordHits.length > 0)
      .map((goods) => ({ goodsItem: goods.item.sequence, keywords: goods.keywordHits }));
    if (matches.length === 0) {
      return [];
    }
    const categories = uniqueCategories(matches.flatMap((m) => m.keywords.map((k) => k.category)));
    return [
      flagFinding('DESCRIPTION_KEYWORD', settings, categories, {
        matches: matches.map((m) => ({ goodsItem: m.goodsItem, keywords: m.keywords.map((k) => k.term) })),
      }),
    ];
  },
};

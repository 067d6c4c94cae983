import type { RulePack } from '../rule-pack/rule-pack.types';
import { flagFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** What is left of a description once generic terms, filler words and numbers are taken out. */
export function meaningfulRemainder(normalised: string, pack: RulePack): string {
  return pack.vagueTerms
    .strip(normalised)
    .split(' ')
    .filter((word) => word.length > 1 && !/^\d+[a-z]*$/.test(word) && !pack.vagueFillerWords.has(word))
    .join(' ');
}

/** "PARTS", "GENERAL CARGO", "FAK", "STC 20 PALLETS MACHINERY": nothing an officer can check. */
export const vagueDescriptionRule: ScreeningRule = {
  id: 'VAGUE_DESCRIPTION',
  version: 'VAGUE_DESCRIPTION@1',
  stages: ALL_STAGES,
  category: 'OTHER',
  outcome: 'FLAG',
  defaultScore: 20,
  params: {},
  evaluate(input, settings) {
    const vague = input.goods
      .filter((goods) => goods.meaningfulText.length < input.pack.vagueMinMeaningfulLength)
      .map((goods) => ({ goodsItem: goods.item.sequence, description: goods.item.description }));
    if (vague.length === 0) {
      return [];
    }
    return [flagFinding('VAGUE_DESCRIPTION', settings, ['OTHER'], { items: vague })];
  },
};

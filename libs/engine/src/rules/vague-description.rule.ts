import type { RulePack } from '../rule-pack/rule-pack.types';
import { flagFinding } from './rule-finding';
import { ALL_STAGES, type ScreeningRule } from './rule.types';

/** A quantity such as "20", "20kg" or "40hc": digits, then letters only (/^\d+[a-z]*$/). */
function isQuantity(word: string): boolean {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 48 && word.charCodeAt(i) <= 57) {
    i += 1;
  }
  if (i === 0) {
    return false;
  }
  while (i < word.length && word.charCodeAt(i) >= 97 && word.charCodeAt(i) <= 122) {
    i += 1;
  }
  return i === word.length;
}

function isMeaningful(word: string, pack: RulePack): boolean {
  return word.length > 1 && !isQuantity(word) && !pack.vagueFillerWords.has(word);
}

/** What is left of a description once generic terms, filler words and numbers are taken out. */
export function meaningfulRemainder(normalised: string, pack: RulePack): string {
  let remainder = '';
  pack.vagueTerms.forEachRemainingWord(normalised, (word) => {
    if (isMeaningful(word, pack)) {
      remainder = remainder.length === 0 ? word : `${remainder} ${word}`;
    }
    return true;
  });
  return remainder;
}

/**
 * meaningfulRemainder(...).length < the pack's minimum, without building all of it: the remainder
 * only grows, so the walk stops as soon as it is long enough (usually at the first word).
 */
export function isVagueDescription(normalised: string, pack: RulePack): boolean {
  const minimum = pack.vagueMinMeaningfulLength;
  let length = 0;
  pack.vagueTerms.forEachRemainingWord(normalised, (word) => {
    if (isMeaningful(word, pack)) {
      length += length === 0 ? word.length : word.length + 1;
    }
    return length < minimum;
  });
  return length < minimum;
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
      .filter((goods) => goods.vague)
      .map((goods) => ({ goodsItem: goods.item.sequence, description: goods.item.description }));
    if (vague.length === 0) {
      return [];
    }
    return [flagFinding('VAGUE_DESCRIPTION', settings, ['OTHER'], { items: vague })];
  },
};

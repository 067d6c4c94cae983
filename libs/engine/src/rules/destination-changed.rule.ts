import { hasControlledGoods } from './hs-list-matches';
import { flagFinding, holdFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

/** A transit or transshipment redirected after the first manifest: classic diversion pattern. */
export const destinationChangedRule: ScreeningRule = {
  id: 'DESTINATION_CHANGED',
  version: 'DESTINATION_CHANGED@1',
  stages: ['TRANSIT', 'TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'HOLD_OR_FLAG',
  defaultScore: 50,
  params: {},
  evaluate(input, settings) {
    const before = input.firstTerms;
    const after = input.currentTerms;
    if (
      before.placeOfDelivery === after.placeOfDelivery &&
      before.destinationCountry === after.destinationCountry
    ) {
      return [];
    }
    const evidence = {
      from: { placeOfDelivery: before.placeOfDelivery, country: before.destinationCountry },
      to: { placeOfDelivery: after.placeOfDelivery, country: after.destinationCountry },
      amendments: input.amendments.filter((a) => a.changed.includes('DESTINATION')).map((a) => a.version),
    };
    return hasControlledGoods(input)
      ? [holdFinding('DESTINATION_CHANGED', ['INTEGRITY'], { ...evidence, controlledGoods: true })]
      : [
          flagFinding('DESTINATION_CHANGED', settings, ['INTEGRITY'], {
            ...evidence,
            controlledGoods: false,
          }),
        ];
  },
};

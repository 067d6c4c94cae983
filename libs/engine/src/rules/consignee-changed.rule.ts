import { normaliseText } from '../rule-pack/keyword-matcher';
import { flagFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

/** The consignee named in an amendment differs from the first manifest's. */
export const consigneeChangedRule: ScreeningRule = {
  id: 'CONSIGNEE_CHANGED',
  version: 'CONSIGNEE_CHANGED@1',
  stages: ['TRANSIT', 'TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'FLAG',
  defaultScore: 40,
  params: {},
  evaluate(input, settings) {
    const before = input.firstTerms.consigneeName;
    const after = input.currentTerms.consigneeName;
    // Case and punctuation edits are not a different consignee.
    if (before === after || normaliseText(before ?? '') === normaliseText(after ?? '')) {
      return [];
    }
    return [
      flagFinding('CONSIGNEE_CHANGED', settings, ['INTEGRITY'], {
        from: before,
        to: after,
        fromCountry: input.firstTerms.consigneeCountry,
        toCountry: input.currentTerms.consigneeCountry,
      }),
    ];
  },
};

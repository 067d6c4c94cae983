import { flagFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

/** Goods consigned to a forwarder, bank or trading house with no end user: the real buyer is hidden. */
export const forwarderConsigneeRule: ScreeningRule = {
  id: 'FORWARDER_CONSIGNEE',
  version: 'FORWARDER_CONSIGNEE@1',
  stages: ['EXPORT', 'IMPORT'],
  category: 'OTHER',
  outcome: 'FLAG',
  defaultScore: 30,
  params: {},
  evaluate(input, settings) {
    if (input.manifest.parties.some((party) => party.role === 'ENDUSER')) {
      return [];
    }
    const consignee = input.manifest.parties.find((party) => party.role === 'CONSIGNEE');
    if (!consignee) {
      return [];
    }
    const keywords = input.pack.consigneeIntermediaryKeywords.match(consignee.name);
    if (keywords.length === 0) {
      return [];
    }
    return [
      flagFinding('FORWARDER_CONSIGNEE', settings, ['OTHER'], {
        consignee: consignee.name,
        keywords: keywords.map((k) => k.term),
      }),
    ];
  },
};

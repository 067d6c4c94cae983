import type { EmbargoEntry } from '../rule-pack/rule-pack.types';
import { hasControlledGoods } from './hs-list-matches';
import { holdFinding } from './rule-finding';
import type { RuleFinding, ScreeningRule } from './rule.types';

/** All-cargo embargoes always hold; arms embargoes hold when the goods are listed or named as strategic. */
export const embargoDestinationRule: ScreeningRule = {
  id: 'EMBARGO_DESTINATION',
  version: 'EMBARGO_DESTINATION@1',
  stages: ['EXPORT', 'TRANSIT', 'TRANSSHIPMENT'],
  category: 'EMBARGO',
  outcome: 'HOLD',
  defaultScore: 0,
  params: {},
  evaluate(input) {
    const candidates: { country: string; via: string }[] = [];
    if (input.currentTerms.destinationCountry) {
      candidates.push({ country: input.currentTerms.destinationCountry, via: 'DESTINATION' });
    }
    for (const party of input.manifest.parties) {
      if ((party.role === 'CONSIGNEE' || party.role === 'ENDUSER') && party.countryCode) {
        candidates.push({ country: party.countryCode, via: party.role });
      }
    }
    const strategic = hasControlledGoods(input) || input.goods.some((goods) => goods.keywordHits.length > 0);
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const { country, via } of candidates) {
      const embargo: EmbargoEntry | undefined = input.pack.embargoes.get(country);
      if (!embargo || reported.has(country) || (embargo.regime === 'ARMS' && !strategic)) {
        continue;
      }
      reported.add(country);
      findings.push(
        holdFinding('EMBARGO_DESTINATION', ['EMBARGO'], {
          country,
          via,
          regime: embargo.regime,
          source: embargo.source,
          checked: embargo.checked,
        }),
      );
    }
    return findings;
  },
};

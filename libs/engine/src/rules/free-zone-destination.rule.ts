import { flagFinding } from './rule-finding';
import type { ScreeningRule } from './rule.types';

/** Free zones re-export with little control: a common stop for diverted strategic goods. */
export const freeZoneDestinationRule: ScreeningRule = {
  id: 'FREE_ZONE_DESTINATION',
  version: 'FREE_ZONE_DESTINATION@1',
  stages: ['EXPORT', 'TRANSSHIPMENT'],
  category: 'OTHER',
  outcome: 'FLAG',
  defaultScore: 30,
  params: {},
  evaluate(input, settings) {
    const route = input.manifest.route;
    const delivery = route.placeOfDelivery ?? route.portOfDischarge;
    const code = delivery.unLocode;
    const byCode = code !== undefined && input.pack.freeZones.has(code);
    const byName = delivery.name ? input.pack.freeZoneNameKeywords.match(delivery.name).length > 0 : false;
    if (!byCode && !byName) {
      return [];
    }
    return [
      flagFinding('FREE_ZONE_DESTINATION', settings, ['OTHER'], {
        placeOfDelivery: code ?? null,
        name: delivery.name ?? null,
        matchedBy: byCode ? 'UNLOCODE' : 'NAME',
      }),
    ];
  },
};

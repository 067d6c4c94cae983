import { countryOf } from '../consignment/location';
import { flagFinding, numberParam } from './rule-finding';
import type { ScreeningRule } from './rule.types';

interface RouteAnomaly {
  kind: 'HIGH_RISK_HUB' | 'TOO_MANY_TRANSSHIPMENTS' | 'BACKTRACKING' | 'ROUND_TRIP';
  detail: string;
}

/** Routing that launders origin or destination: risky hubs, extra legs, going back on itself. */
export const routeAnomalyRule: ScreeningRule = {
  id: 'ROUTE_ANOMALY',
  version: 'ROUTE_ANOMALY@1',
  stages: ['TRANSIT', 'TRANSSHIPMENT'],
  category: 'INTEGRITY',
  outcome: 'FLAG',
  defaultScore: 30,
  params: { maxTransshipments: { type: 'number', min: 0, max: 20, default: 2 } },
  evaluate(input, settings) {
    const anomalies: RouteAnomaly[] = [];
    const route = input.manifest.route;
    const declared = [route.placeOfReceipt, route.portOfLoading, route.portOfDischarge, route.placeOfDelivery]
      .map((location) => location?.unLocode)
      .filter((code): code is string => code !== undefined);
    for (const hub of new Set([...declared, ...input.journey.path])) {
      if (input.pack.highRiskHubs.has(hub)) {
        anomalies.push({ kind: 'HIGH_RISK_HUB', detail: hub });
      }
    }
    const maxTransshipments = numberParam(settings, 'maxTransshipments', 2);
    if (input.journey.transshipmentPorts.length > maxTransshipments) {
      anomalies.push({
        kind: 'TOO_MANY_TRANSSHIPMENTS',
        detail: input.journey.transshipmentPorts.join(' > '),
      });
    }
    const path = input.journey.path;
    const revisited = path.find((code, index) => path.indexOf(code) < index);
    if (revisited) {
      anomalies.push({ kind: 'BACKTRACKING', detail: path.join(' > ') });
    }
    const origin = countryOf(route.placeOfReceipt ?? route.portOfLoading);
    const destination = countryOf(route.placeOfDelivery ?? route.portOfDischarge);
    if (origin !== null && origin === destination && origin !== input.jurisdiction) {
      anomalies.push({ kind: 'ROUND_TRIP', detail: `${origin} > ${input.jurisdiction} > ${destination}` });
    }
    if (anomalies.length === 0) {
      return [];
    }
    return [flagFinding('ROUTE_ANOMALY', settings, ['INTEGRITY'], { anomalies })];
  },
};

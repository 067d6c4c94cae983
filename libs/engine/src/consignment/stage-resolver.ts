import type { ConsignmentManifest, Stage } from '@chokepoint/contracts';
import type { JourneyFacts } from './journey-facts';
import { isInside, isOutside } from './location';

const LAND_OR_INLAND_WATER = new Set(['TRUCK', 'RAIL', 'BARGE']);

/**
 * Stage from the route first, then from what the movements showed (DESIGN.md "Consignment, stage and
 * jurisdiction"); null means out of scope (never touches the jurisdiction, or stays on board).
 */
export function resolveStage(
  manifest: ConsignmentManifest,
  journey: JourneyFacts,
  jurisdiction: string,
): Stage | null {
  const route = manifest.route;
  const polInside = isInside(route.portOfLoading, jurisdiction);
  const podInside = isInside(route.portOfDischarge, jurisdiction);
  const originInside = route.placeOfReceipt ? isInside(route.placeOfReceipt, jurisdiction) : polInside;
  const deliveryKnown = route.placeOfDelivery !== undefined && !isUnknown(route.placeOfDelivery);
  const destinationInside = deliveryKnown ? isInside(route.placeOfDelivery, jurisdiction) : podInside;
  const destinationOutside = deliveryKnown
    ? isOutside(route.placeOfDelivery, jurisdiction)
    : isOutside(route.portOfDischarge, jurisdiction);
  const leavesOverLand = route.onCarriageBy !== undefined && LAND_OR_INLAND_WATER.has(route.onCarriageBy);
  const transshipped = journey.transshipmentSignalled || journey.reloadedInside;

  if (originInside && destinationInside) {
    return null;
  }
  if (originInside) {
    return 'EXPORT';
  }
  if (destinationInside) {
    // Delivery unknown and the box visibly moved on to another vessel: a transshipment after all.
    if (!deliveryKnown && podInside && transshipped && !journey.importSignalled) {
      return 'TRANSSHIPMENT';
    }
    return 'IMPORT';
  }
  if (polInside) {
    // Came in from abroad over land and leaves by sea.
    return destinationOutside || !podInside ? 'TRANSIT' : 'IMPORT';
  }
  if (podInside) {
    if (leavesOverLand || (journey.landMoveInside && journey.exit?.how === 'BORDER_GATE_OUT')) {
      return 'TRANSIT';
    }
    return 'TRANSSHIPMENT';
  }
  // The route never names a place inside: only the movements can bring it in.
  if (transshipped || journey.dischargedInside) {
    return 'TRANSSHIPMENT';
  }
  if (journey.landMoveInside) {
    return 'TRANSIT';
  }
  return null;
}

function isUnknown(location: { unLocode?: string; countryCode?: string }): boolean {
  return location.unLocode === undefined && location.countryCode === undefined;
}

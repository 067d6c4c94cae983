import type { CanonicalLocation, DecisionEvent, MovementEvent } from '@chokepoint/contracts';
import type { ConsignmentState, ManifestTerms } from '@chokepoint/engine';
import type { HoldRoute } from '../holds/hold-projection';
import type { HoldSummary } from '../holds/hold-summary';
import type { CargoMilestoneInput } from '../sla/sla-deadline';
import type { ConsignmentRecord } from './consignment-story.reader';

export type RouteRole = 'RECEIPT' | 'LOADING' | 'DISCHARGE' | 'DELIVERY' | 'TRANSSHIPMENT';

export interface ConsignmentStory {
  hold: HoldSummary | null;
  route: Array<{ role: RouteRole; unLocode: string | null; name: string | null }>;
  parties: Array<{ role: string; name: string; countryCode: string | null }>;
  goods: Array<{ hsCodes: string[]; description: string; grossWeightKg: number | null }>;
  manifestVersions: Array<{
    version: number;
    receivedAt: string;
    changes: Array<{ field: string; before: string | null; after: string | null }>;
  }>;
  containers: Array<{ reference: string; expectedSeals: string[]; observedSeals: string[] }>;
  movements: Array<{
    eventId: string;
    eventCode: string;
    classifier: string;
    eventDateTime: string;
    location: string | null;
    equipmentReference: string | null;
  }>;
  decisions: DecisionEvent[];
  notes: Array<{ id: string; author: string; text: string; createdAt: string }>;
  actions: Array<{ id: string; type: string; actor: string; at: string; detail: unknown }>;
}

const RESEAL_CODES = new Set(['RSEA']);

function routeEntry(
  role: RouteRole,
  location: CanonicalLocation | undefined,
): ConsignmentStory['route'][number] | null {
  if (!location || (!location.unLocode && !location.name)) {
    return null;
  }
  return { role, unLocode: location.unLocode ?? null, name: location.name ?? null };
}

/** Ports inside where a container was discharged and then loaded again (actual events). */
function transshipmentPorts(movements: readonly MovementEvent[], exclude: ReadonlySet<string>): string[] {
  const dischargedAt = new Map<string, string>();
  const ports: string[] = [];
  for (const movement of movements) {
    const locode = movement.location?.unLocode;
    const equipment = movement.equipmentReference;
    if (movement.classifier !== 'ACT' || !locode || !equipment) {
      continue;
    }
    if (movement.eventCode === 'DISC') {
      dischargedAt.set(equipment, locode);
    } else if (movement.eventCode === 'LOAD' && dischargedAt.get(equipment) === locode) {
      if (!ports.includes(locode) && !exclude.has(locode)) {
        ports.push(locode);
      }
      dischargedAt.delete(equipment);
    }
  }
  return ports;
}

export function storyRoute(state: ConsignmentState): ConsignmentStory['route'] {
  const route = state.manifest.route;
  const known = new Set(
    [route.portOfLoading.unLocode, route.portOfDischarge.unLocode].filter((code): code is string => !!code),
  );
  const hubs = transshipmentPorts(state.movements, known).map((unLocode) => {
    const named = state.movements.find((movement) => movement.location?.unLocode === unLocode)?.location
      ?.name;
    return { role: 'TRANSSHIPMENT' as const, unLocode, name: named ?? null };
  });
  return [
    routeEntry('RECEIPT', route.placeOfReceipt),
    routeEntry('LOADING', route.portOfLoading),
    ...hubs,
    routeEntry('DISCHARGE', route.portOfDischarge),
    routeEntry('DELIVERY', route.placeOfDelivery),
  ].filter((entry): entry is NonNullable<typeof entry> => entry !== null);
}

const TERM_FIELDS: ReadonlyArray<keyof ManifestTerms> = [
  'placeOfDelivery',
  'destinationCountry',
  'consigneeName',
  'consigneeCountry',
];

export function storyManifestVersions(record: ConsignmentRecord): ConsignmentStory['manifestVersions'] {
  const { state } = record;
  const firstReceivedAt =
    state.amendments.length === 0 ? state.manifest.receivedAt : record.firstSeenAt.toISOString();
  const versions: ConsignmentStory['manifestVersions'] = [
    { version: 1, receivedAt: firstReceivedAt, changes: [] },
  ];
  for (const amendment of state.amendments) {
    versions.push({
      version: amendment.version,
      receivedAt: amendment.receivedAt,
      changes: TERM_FIELDS.filter((field) => amendment.before[field] !== amendment.after[field]).map(
        (field) => ({
          field,
          before: amendment.before[field],
          after: amendment.after[field],
        }),
      ),
    });
  }
  return versions;
}

/**
 * Expected seals: the manifest's, replaced by the latest reseal; observed: the latest actual event
 * that reported seals for the container.
 */
export function storyContainers(state: ConsignmentState): ConsignmentStory['containers'] {
  return state.manifest.equipment.map((equipment) => {
    let expected = equipment.seals.map((seal) => seal.number);
    let observed: string[] = [];
    for (const movement of state.movements) {
      if (movement.equipmentReference !== equipment.reference || movement.classifier !== 'ACT') {
        continue;
      }
      const seals = movement.seals.map((seal) => seal.number);
      if (RESEAL_CODES.has(movement.eventCode) && seals.length > 0) {
        expected = seals;
      }
      if (seals.length > 0) {
        observed = seals;
      }
    }
    return { reference: equipment.reference, expectedSeals: expected, observedSeals: observed };
  });
}

export function storyFromState(
  record: ConsignmentRecord,
): Pick<ConsignmentStory, 'route' | 'parties' | 'goods' | 'manifestVersions' | 'containers' | 'movements'> {
  const { state } = record;
  return {
    route: storyRoute(state),
    parties: state.manifest.parties.map((party) => ({
      role: party.role,
      name: party.name,
      countryCode: party.countryCode ?? null,
    })),
    goods: state.manifest.goodsItems.map((item) => ({
      hsCodes: item.hsCodes,
      description: item.description,
      grossWeightKg: item.grossWeightKg ?? null,
    })),
    manifestVersions: storyManifestVersions(record),
    containers: storyContainers(state),
    movements: state.movements.map((movement) => ({
      eventId: movement.eventId,
      eventCode: movement.eventCode,
      classifier: movement.classifier,
      eventDateTime: movement.eventDateTime,
      location: movement.location?.unLocode ?? movement.location?.name ?? null,
      equipmentReference: movement.equipmentReference ?? null,
    })),
  };
}

export function holdRouteOf(state: ConsignmentState | undefined): HoldRoute {
  const route = state?.manifest.route;
  return {
    portOfLoading: route?.portOfLoading.unLocode ?? null,
    portOfDischarge: route?.portOfDischarge.unLocode ?? null,
    placeOfDelivery: route?.placeOfDelivery?.unLocode ?? null,
  };
}

export function milestoneInputOf(
  state: ConsignmentState | undefined,
  stage: string,
  jurisdiction: string,
): CargoMilestoneInput | null {
  if (!state || !['EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT'].includes(stage)) {
    return null;
  }
  const route = holdRouteOf(state);
  return {
    stage: stage as CargoMilestoneInput['stage'],
    jurisdiction,
    portOfLoading: route.portOfLoading,
    portOfDischarge: route.portOfDischarge,
    movements: state.movements,
  };
}

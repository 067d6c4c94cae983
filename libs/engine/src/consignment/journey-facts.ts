import type { MovementEvent } from '@chokepoint/contracts';
import type { RulePack } from '../rule-pack/rule-pack.types';
import { countryOf, isInside, isOutside, parseEventTime } from './location';

export interface ContainerStay {
  equipmentReference: string;
  location: string;
  arrivedAt: string;
  arrivedMs: number;
  departedAt: string | null;
}

export interface JourneyExit {
  at: string;
  atMs: number;
  eventId: string;
  how: 'MOVEMENT_OUTSIDE' | 'LOADED_ON_VESSEL' | 'BORDER_GATE_OUT';
}

/** What the actual (ACT) movements say about the journey, folded once per evaluation. */
export interface JourneyFacts {
  actual: MovementEvent[];
  touchesInside: boolean;
  dischargedInside: boolean;
  /** A container discharged and then loaded again at a port inside. */
  reloadedInside: boolean;
  transshipmentSignalled: boolean;
  importSignalled: boolean;
  landMoveInside: boolean;
  entry: { at: string; atMs: number; eventId: string; location: string | null } | null;
  exit: JourneyExit | null;
  /** Containers discharged inside and not yet moved on. */
  stays: ContainerStay[];
  /** UN/LOCODEs in the order visited, consecutive repeats merged. */
  path: string[];
  transshipmentPorts: string[];
  emptied: boolean;
}

const LAND_MODES = new Set(['TRUCK', 'RAIL']);

export function buildJourneyFacts(
  movements: readonly MovementEvent[],
  jurisdiction: string,
  pack: RulePack,
): JourneyFacts {
  const facts: JourneyFacts = {
    actual: [],
    touchesInside: false,
    dischargedInside: false,
    reloadedInside: false,
    transshipmentSignalled: false,
    importSignalled: false,
    landMoveInside: false,
    entry: null,
    exit: null,
    stays: [],
    path: [],
    transshipmentPorts: [],
    emptied: false,
  };
  const openStays = new Map<string, ContainerStay>();
  const dischargedAt = new Map<string, string>();

  for (const movement of movements) {
    if (movement.classifier !== 'ACT') {
      continue;
    }
    facts.actual.push(movement);
    const locode = movement.location?.unLocode;
    if (locode && facts.path[facts.path.length - 1] !== locode) {
      facts.path.push(locode);
    }
    const inside = isInside(movement.location, jurisdiction);
    const atMs = parseEventTime(movement.eventDateTime);
    const equipment = movement.equipmentReference;

    if (!inside) {
      if (facts.entry && !facts.exit && isOutside(movement.location, jurisdiction)) {
        facts.exit = { at: movement.eventDateTime, atMs, eventId: movement.eventId, how: 'MOVEMENT_OUTSIDE' };
      }
      if (equipment) {
        closeStay(openStays, equipment, movement.eventDateTime);
      }
      continue;
    }

    facts.touchesInside = true;
    if (!facts.entry) {
      facts.entry = {
        at: movement.eventDateTime,
        atMs,
        eventId: movement.eventId,
        location: locode ?? countryOf(movement.location),
      };
    }
    if (movement.movementType === 'TRANSSHIPMENT' || movement.isTransshipmentMove === true) {
      facts.transshipmentSignalled = true;
    }
    if (movement.movementType === 'IMPORT') {
      facts.importSignalled = true;
    }
    if (movement.modeOfTransport && LAND_MODES.has(movement.modeOfTransport)) {
      facts.landMoveInside = true;
    }
    if (movement.emptyIndicator === 'EMPTY' || movement.eventCode === 'STRP') {
      facts.emptied = true;
    }

    switch (movement.eventCode) {
      case 'DISC': {
        facts.dischargedInside = true;
        if (equipment && locode) {
          dischargedAt.set(equipment, locode);
          openStays.set(equipment, {
            equipmentReference: equipment,
            location: locode,
            arrivedAt: movement.eventDateTime,
            arrivedMs: atMs,
            departedAt: null,
          });
        }
        break;
      }
      case 'LOAD': {
        const onWater = movement.modeOfTransport === undefined || !LAND_MODES.has(movement.modeOfTransport);
        if (equipment && dischargedAt.has(equipment)) {
          facts.reloadedInside = true;
          const port = dischargedAt.get(equipment);
          if (port && !facts.transshipmentPorts.includes(port)) {
            facts.transshipmentPorts.push(port);
          }
          dischargedAt.delete(equipment);
        }
        if (equipment) {
          closeStay(openStays, equipment, movement.eventDateTime);
        }
        // Loading onto a vessel or barge after entering is how cargo leaves by water.
        if (onWater && facts.entry && facts.entry.eventId !== movement.eventId && !facts.exit) {
          facts.exit = {
            at: movement.eventDateTime,
            atMs,
            eventId: movement.eventId,
            how: 'LOADED_ON_VESSEL',
          };
        }
        break;
      }
      case 'GTOT': {
        if (equipment) {
          closeStay(openStays, equipment, movement.eventDateTime);
        }
        if (locode && pack.borderCrossings.has(locode) && !facts.exit) {
          facts.exit = {
            at: movement.eventDateTime,
            atMs,
            eventId: movement.eventId,
            how: 'BORDER_GATE_OUT',
          };
        }
        break;
      }
      default:
        break;
    }
  }
  for (const stay of openStays.values()) {
    facts.stays.push(stay);
  }
  return facts;
}

function closeStay(openStays: Map<string, ContainerStay>, equipment: string, at: string): void {
  const stay = openStays.get(equipment);
  if (stay) {
    stay.departedAt = at;
    openStays.delete(equipment);
  }
}

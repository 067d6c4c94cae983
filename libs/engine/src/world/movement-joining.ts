import type { ConsignmentManifest, MovementEvent } from '@chokepoint/contracts';

/** Lookups a host answers from its own store (in memory here, SQL in the screening service). */
export interface JoiningLookup {
  hasConsignment(consignmentId: string): boolean;
  consignmentsByBooking(bookingReference: string): readonly string[];
  /** Consignments on this container that are still open (not left, not emptied). */
  openConsignmentsByEquipment(equipmentReference: string): readonly string[];
}

/** Keys under which a movement waits for its manifest, e.g. `TRD:MAEU123`, `BKG:…`, `EQ:MSKU…`. */
export type PendingKey = string;

export type MovementJoin =
  | { kind: 'JOINED'; by: 'TRD' | 'BKG' | 'EQUIPMENT'; consignmentIds: string[] }
  | { kind: 'PENDING'; keys: PendingKey[] };

export function pendingKey(type: 'TRD' | 'BKG' | 'EQ', value: string): PendingKey {
  return `${type}:${value}`;
}

function referencesOf(movement: MovementEvent, type: string): string[] {
  const values: string[] = [];
  for (const reference of movement.documentReferences) {
    if (reference.type === type && !values.includes(reference.value)) {
      values.push(reference.value);
    }
  }
  return values;
}

/**
 * DESIGN.md joining: transport document reference, else booking, else every open consignment on the
 * container. A movement naming a document or booking nobody knows yet waits for that manifest rather
 * than attaching itself to an older trip of the same container.
 */
export function joinMovement(movement: MovementEvent, lookup: JoiningLookup): MovementJoin {
  const documents = referencesOf(movement, 'TRD');
  const known = documents.filter((reference) => lookup.hasConsignment(reference));
  if (known.length > 0) {
    return { kind: 'JOINED', by: 'TRD', consignmentIds: known };
  }
  const bookings = referencesOf(movement, 'BKG');
  const byBooking = [...new Set(bookings.flatMap((reference) => lookup.consignmentsByBooking(reference)))];
  if (byBooking.length > 0) {
    return { kind: 'JOINED', by: 'BKG', consignmentIds: byBooking.sort() };
  }
  if (documents.length > 0 || bookings.length > 0) {
    return {
      kind: 'PENDING',
      keys: [...documents.map((r) => pendingKey('TRD', r)), ...bookings.map((r) => pendingKey('BKG', r))],
    };
  }
  const equipment = movement.equipmentReference;
  if (equipment) {
    const open = lookup.openConsignmentsByEquipment(equipment);
    if (open.length > 0) {
      return { kind: 'JOINED', by: 'EQUIPMENT', consignmentIds: [...open].sort() };
    }
    return { kind: 'PENDING', keys: [pendingKey('EQ', equipment)] };
  }
  return { kind: 'PENDING', keys: [] };
}

/** Where movements waiting for this manifest were parked. */
export function pendingKeysOfManifest(manifest: ConsignmentManifest): PendingKey[] {
  const keys = [pendingKey('TRD', manifest.transportDocumentReference)];
  manifest.bookingReferences.forEach((reference) => keys.push(pendingKey('BKG', reference)));
  manifest.equipment.forEach((equipment) => keys.push(pendingKey('EQ', equipment.reference)));
  return keys;
}

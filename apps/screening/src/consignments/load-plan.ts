import type { CanonicalEvent, MovementEvent } from '@chokepoint/contracts';
import { movementKey, pendingKey, pendingKeysOfManifest } from '@chokepoint/engine';

/**
 * What a transaction must load (and lock) before it applies a list of canonical events, so that every
 * lookup the engine's joining makes is answered from current rows.
 */
export interface LoadPlan {
  /** Consignments the events name directly (manifests, movements' transport documents). */
  consignmentIds: string[];
  bookingReferences: string[];
  /** Containers of movements that name no document: they join every open consignment on the box. */
  equipmentReferences: string[];
  pendingKeys: string[];
  movementKeys: string[];
}

function referencesOf(movement: MovementEvent, type: 'TRD' | 'BKG'): string[] {
  return movement.documentReferences.filter((r) => r.type === type).map((r) => r.value);
}

export function loadPlanFor(events: readonly CanonicalEvent[]): LoadPlan {
  const consignmentIds = new Set<string>();
  const bookingReferences = new Set<string>();
  const equipmentReferences = new Set<string>();
  const pendingKeys = new Set<string>();
  const movementKeys = new Set<string>();
  for (const event of events) {
    if (event.kind === 'MANIFEST') {
      consignmentIds.add(event.transportDocumentReference);
      pendingKeysOfManifest(event).forEach((key) => pendingKeys.add(key));
      continue;
    }
    movementKeys.add(movementKey(event));
    const documents = referencesOf(event, 'TRD');
    const bookings = referencesOf(event, 'BKG');
    for (const reference of documents) {
      consignmentIds.add(reference);
      pendingKeys.add(pendingKey('TRD', reference));
    }
    for (const reference of bookings) {
      bookingReferences.add(reference);
      pendingKeys.add(pendingKey('BKG', reference));
    }
    // The engine only falls back to the container when the movement names no document at all.
    if (documents.length === 0 && bookings.length === 0 && event.equipmentReference) {
      equipmentReferences.add(event.equipmentReference);
      pendingKeys.add(pendingKey('EQ', event.equipmentReference));
    }
  }
  return {
    consignmentIds: [...consignmentIds],
    bookingReferences: [...bookingReferences],
    equipmentReferences: [...equipmentReferences],
    pendingKeys: [...pendingKeys],
    movementKeys: [...movementKeys],
  };
}

import type { ConsignmentManifest, MovementEvent } from '@chokepoint/contracts';
import type { ConsignmentState } from '../consignment/consignment-state.types';
import { parseEventTime } from '../consignment/location';
import { type JoiningLookup, pendingKeysOfManifest, type PendingKey } from './movement-joining';

/** A movement waiting for its manifest, under the keys it waits by. */
export interface ParkedMovement {
  movementKey: string;
  movement: MovementEvent;
  keys: PendingKey[];
}

/** The parked movements a manifest meets. */
export interface ParkedForManifest {
  /** Every movement parked under one of the manifest's keys: all of them leave the car park. */
  movementKeys: Set<string>;
  /** Those recent enough to apply (the rest have outlived the pack's limit), in the order they apply. */
  movements: MovementEvent[];
}

function addTo(index: Map<string, string[]>, key: string, consignmentId: string): void {
  const ids = index.get(key);
  if (!ids) {
    index.set(key, [consignmentId]);
  } else if (!ids.includes(consignmentId)) {
    ids.push(consignmentId);
  }
}

/**
 * The joining half of a world kept in memory: consignments by booking and by container, and movements
 * parked until their manifest arrives, by joining key. ScreeningWorld (replay, the oracle) and the
 * screening service's ConsignmentWorkspace (a locked slice of PostgreSQL) both join through it, so they
 * cannot disagree on which consignments a movement meets or which parked movements a manifest takes.
 */
export class JoiningIndex implements JoiningLookup {
  private readonly byBooking = new Map<string, string[]>();
  private readonly byEquipment = new Map<string, string[]>();
  private readonly parked = new Map<string, ParkedMovement>();
  private readonly parkedByKey = new Map<PendingKey, Set<string>>();

  /**
   * `lookup` answers from the host's consignments: whether it holds one, and whether it holds one that
   * is still open (not left, not emptied).
   */
  constructor(
    private readonly lookup: {
      hasConsignment(consignmentId: string): boolean;
      isOpen(consignmentId: string): boolean;
    },
  ) {}

  hasConsignment(consignmentId: string): boolean {
    return this.lookup.hasConsignment(consignmentId);
  }

  consignmentsByBooking(bookingReference: string): readonly string[] {
    return this.byBooking.get(bookingReference) ?? [];
  }

  openConsignmentsByEquipment(equipmentReference: string): readonly string[] {
    return (this.byEquipment.get(equipmentReference) ?? []).filter((id) => this.lookup.isOpen(id));
  }

  addBooking(bookingReference: string, consignmentId: string): void {
    addTo(this.byBooking, bookingReference, consignmentId);
  }

  addEquipment(equipmentReference: string, consignmentId: string): void {
    addTo(this.byEquipment, equipmentReference, consignmentId);
  }

  /** The bookings and containers of the consignment's manifest (links are never removed). */
  addConsignment(state: ConsignmentState): void {
    const id = state.consignmentId;
    state.manifest.bookingReferences.forEach((reference) => this.addBooking(reference, id));
    state.manifest.equipment.forEach((equipment) => this.addEquipment(equipment.reference, id));
  }

  /** Parks a movement (replacing an entry under the same movement key). */
  park(entry: ParkedMovement): void {
    this.unpark(entry.movementKey);
    this.parked.set(entry.movementKey, entry);
    for (const key of entry.keys) {
      let set = this.parkedByKey.get(key);
      if (!set) {
        set = new Set();
        this.parkedByKey.set(key, set);
      }
      set.add(entry.movementKey);
    }
  }

  /** Takes a movement out of the car park; the entry, or undefined when none was parked under that key. */
  unpark(movementKey: string): ParkedMovement | undefined {
    const entry = this.parked.get(movementKey);
    if (!entry) {
      return undefined;
    }
    this.parked.delete(movementKey);
    for (const key of entry.keys) {
      const set = this.parkedByKey.get(key);
      set?.delete(movementKey);
      if (set?.size === 0) {
        this.parkedByKey.delete(key);
      }
    }
    return entry;
  }

  /** Parked movements in parking order. */
  parkedMovements(): IterableIterator<ParkedMovement> {
    return this.parked.values();
  }

  get parkedCount(): number {
    return this.parked.size;
  }

  /**
   * The movements parked under the manifest's keys, without taking them: by key of the manifest, then
   * by parking order. Those whose event time lies more than `maxHours` before the manifest's receipt
   * are left out of `movements` (they are taken all the same, to be forgotten).
   */
  parkedFor(manifest: ConsignmentManifest, maxHours: number): ParkedForManifest {
    const movementKeys = new Set<string>();
    for (const key of pendingKeysOfManifest(manifest)) {
      this.parkedByKey.get(key)?.forEach((movementKey) => movementKeys.add(movementKey));
    }
    const limitMs = parseEventTime(manifest.receivedAt) - maxHours * 3_600_000;
    const movements: MovementEvent[] = [];
    for (const movementKey of movementKeys) {
      const entry = this.parked.get(movementKey);
      if (entry && parseEventTime(entry.movement.eventDateTime) >= limitMs) {
        movements.push(entry.movement);
      }
    }
    return { movementKeys, movements };
  }
}

import type { ConsignmentManifest, DecisionEvent, MovementEvent } from '@chokepoint/contracts';
import {
  applyManifest,
  applyMovement,
  applyOfficerDecision,
  applyTimer,
  JoiningIndex,
  joinMovement,
  movementKey,
  pendingKeysOfManifest,
  type ConsignmentState,
  type ConsignmentTransition,
  type MovementJoin,
  type OfficerAction,
  type OfficerActionStatus,
  type ParkedMovement,
  type PendingKey,
  type ScreeningContext,
  type TimerSpec,
  type WorldContext,
} from '@chokepoint/engine';

export type LinkKind = 'BKG' | 'EQ';

export interface WorkspaceLink {
  kind: LinkKind;
  reference: string;
  consignmentId: string;
}

export type { ParkedMovement };

/** What the host loaded (and locked) for the events about to be applied. */
export interface WorkspaceSeed {
  consignments: readonly ConsignmentState[];
  links: readonly WorkspaceLink[];
  /** Parked movements in parking order. */
  pending: readonly ParkedMovement[];
}

export interface StateChange {
  state: ConsignmentState;
  created: boolean;
  closedChanged: boolean;
}

/** Everything the host must write back, net of what happened in between. */
export interface WorkspaceChanges {
  consignments: StateChange[];
  /** Links of every manifest applied (the host adds the ones it does not have), with their consignment's closed flag. */
  links: (WorkspaceLink & { closed: boolean })[];
  /** Loaded movements no longer parked where they were (taken, retracted, or parked again). */
  unparked: string[];
  /** Movements to park, in parking order. */
  parked: ParkedMovement[];
  /**
   * Joining keys where this transaction may race another one: keys of movements that found no
   * consignment (parked or retracted), and keys a manifest brought in (a new consignment, or a booking
   * or container an amendment added). The host locks them and re-checks that nobody committed a
   * meeting partner meanwhile.
   */
  contestedKeys: PendingKey[];
  /** Movements that found no consignment to join (the host re-checks that none appeared meanwhile). */
  unjoined: MovementEvent[];
  /** The manifest-introduced part of contestedKeys. */
  introducedKeys: PendingKey[];
  timersSet: TimerSpec[];
  timersCancelled: string[];
  decisions: DecisionEvent[];
}

export interface EventOutcome {
  decisions: DecisionEvent[];
  join?: MovementJoin;
  officerStatus?: OfficerActionStatus;
}

/**
 * ScreeningWorld's steps over the slice of the durable world that a transaction loaded and locked:
 * the same joining, parking and engine calls, minus event-time timers (the service fires those on
 * wall-clock time). Records what changed so the host can write it back in the same transaction.
 */
export class ConsignmentWorkspace {
  private readonly consignments = new Map<string, ConsignmentState>();
  private readonly loadedClosed = new Map<string, boolean>();
  private readonly dirty = new Set<string>();
  private readonly joining = new JoiningIndex({
    hasConsignment: (id) => this.consignments.has(id),
    isOpen: (id) => this.consignments.get(id)?.closed === false,
  });
  private readonly loadedPending = new Set<string>();
  private readonly unparkedLoaded = new Set<string>();
  private readonly parkedHere = new Set<string>();
  private readonly timerChanges = new Map<string, TimerSpec | null>();
  private readonly newLinks = new Map<string, WorkspaceLink>();
  private readonly introducedKeys = new Set<PendingKey>();
  private readonly unjoined: { movement: MovementEvent; keys: PendingKey[] }[] = [];
  private readonly decisions: DecisionEvent[] = [];

  constructor(
    private readonly context: WorldContext,
    seed: WorkspaceSeed,
  ) {
    for (const link of seed.links) {
      if (link.kind === 'BKG') {
        this.joining.addBooking(link.reference, link.consignmentId);
      } else {
        this.joining.addEquipment(link.reference, link.consignmentId);
      }
    }
    for (const state of seed.consignments) {
      this.consignments.set(state.consignmentId, state);
      this.loadedClosed.set(state.consignmentId, state.closed);
      this.joining.addConsignment(state);
    }
    for (const entry of seed.pending) {
      this.loadedPending.add(entry.movementKey);
      this.park(entry.movement, entry.keys);
    }
    this.parkedHere.clear();
  }

  hasConsignment(consignmentId: string): boolean {
    return this.consignments.has(consignmentId);
  }

  /** Whether this movement was loaded parked (a parked movement the host finds later is news). */
  knewParked(movementKey: string): boolean {
    return this.loadedPending.has(movementKey);
  }

  getConsignment(consignmentId: string): ConsignmentState | undefined {
    return this.consignments.get(consignmentId);
  }

  /**
   * Every apply* method calls the engine before it changes anything, so an engine exception leaves the
   * workspace as it was and the host can set that one event aside.
   */
  applyManifest(manifest: ConsignmentManifest): EventOutcome {
    const outcome: EventOutcome = { decisions: [] };
    const waiting = this.joining.parkedFor(manifest, this.context.rulePack.limits.pendingMovementMaxHours);
    const state = this.consignments.get(manifest.transportDocumentReference);
    const knownKeys = new Set(state ? pendingKeysOfManifest(state.manifest) : []);
    const transition = applyManifest(state, manifest, this.ctx(manifest.receivedAt), waiting.movements);
    waiting.movementKeys.forEach((key) => this.unpark(key));
    this.absorb(transition, outcome);
    // The stored manifest, not the input: a late older version changes nothing, its links included.
    const stored = this.consignments.get(manifest.transportDocumentReference);
    if (stored) {
      this.recordLinks(stored.manifest);
      pendingKeysOfManifest(stored.manifest)
        .filter((key) => !knownKeys.has(key))
        .forEach((key) => this.introducedKeys.add(key));
    }
    return outcome;
  }

  applyMovement(movement: MovementEvent): EventOutcome {
    const join = joinMovement(movement, this.joining);
    const outcome: EventOutcome = { decisions: [], join };
    if (join.kind === 'PENDING') {
      if (join.keys.length > 0) {
        this.unjoined.push({ movement, keys: join.keys });
      }
      const key = movementKey(movement);
      if (movement.action === 'RETRACT') {
        this.unpark(key);
      } else if (join.keys.length > 0) {
        this.unpark(key);
        this.park(movement, join.keys);
      }
      return outcome;
    }
    const transitions = join.consignmentIds.flatMap((consignmentId) => {
      const state = this.consignments.get(consignmentId);
      return state ? [applyMovement(state, movement, this.ctx(movement.eventDateTime))] : [];
    });
    transitions.forEach((transition) => this.absorb(transition, outcome));
    return outcome;
  }

  /** A due timer, applied at its due time (as replay does), whatever the wall clock says. */
  applyTimer(timer: TimerSpec): EventOutcome {
    const outcome: EventOutcome = { decisions: [] };
    const state = this.consignments.get(timer.consignmentId);
    if (state) {
      this.absorb(applyTimer(state, timer, this.ctx(timer.dueAt)), outcome);
    }
    return outcome;
  }

  applyOfficerDecision(consignmentId: string, action: OfficerAction): EventOutcome {
    const state = this.consignments.get(consignmentId);
    if (!state) {
      return { decisions: [], officerStatus: 'OUT_OF_SCOPE' };
    }
    const transition = applyOfficerDecision(state, action, this.ctx(action.at));
    const outcome: EventOutcome = { decisions: [], officerStatus: transition.status };
    this.absorb(transition, outcome);
    return outcome;
  }

  changes(): WorkspaceChanges {
    const consignments: StateChange[] = [];
    for (const id of this.dirty) {
      const state = this.consignments.get(id);
      if (state) {
        const loaded = this.loadedClosed.get(id);
        consignments.push({
          state,
          created: loaded === undefined,
          closedChanged: loaded !== undefined && loaded !== state.closed,
        });
      }
    }
    const timersSet: TimerSpec[] = [];
    const timersCancelled: string[] = [];
    for (const [timerId, timer] of this.timerChanges) {
      if (timer) {
        timersSet.push(timer);
      } else {
        timersCancelled.push(timerId);
      }
    }
    const parked = [...this.joining.parkedMovements()].filter((entry) =>
      this.parkedHere.has(entry.movementKey),
    );
    const contestedKeys = new Set(this.introducedKeys);
    this.unjoined.forEach((entry) => entry.keys.forEach((key) => contestedKeys.add(key)));
    return {
      consignments,
      links: [...this.newLinks.values()].map((link) => ({
        ...link,
        closed: this.consignments.get(link.consignmentId)?.closed ?? false,
      })),
      unparked: [...this.unparkedLoaded],
      parked,
      contestedKeys: [...contestedKeys],
      unjoined: this.unjoined.map((entry) => entry.movement),
      introducedKeys: [...this.introducedKeys],
      timersSet,
      timersCancelled,
      decisions: [...this.decisions],
    };
  }

  private ctx(now: string): ScreeningContext {
    return { ...this.context, now };
  }

  private absorb(transition: ConsignmentTransition, outcome: EventOutcome): void {
    const state = transition.state;
    if (this.consignments.get(state.consignmentId) !== state) {
      this.consignments.set(state.consignmentId, state);
      this.dirty.add(state.consignmentId);
      this.joining.addConsignment(state);
    }
    outcome.decisions.push(...transition.decisions);
    this.decisions.push(...transition.decisions);
    for (const timerId of transition.timers.cancel) {
      this.timerChanges.set(timerId, null);
    }
    for (const timer of transition.timers.set) {
      this.timerChanges.set(timer.timerId, timer);
    }
  }

  private recordLinks(manifest: ConsignmentManifest): void {
    const consignmentId = manifest.transportDocumentReference;
    const add = (kind: LinkKind, reference: string): void => {
      this.newLinks.set(`${kind}\u0000${reference}\u0000${consignmentId}`, {
        kind,
        reference,
        consignmentId,
      });
    };
    manifest.bookingReferences.forEach((reference) => add('BKG', reference));
    manifest.equipment.forEach((equipment) => add('EQ', equipment.reference));
  }

  private park(movement: MovementEvent, keys: PendingKey[]): void {
    const key = movementKey(movement);
    this.joining.park({ movementKey: key, movement, keys });
    this.parkedHere.add(key);
  }

  private unpark(key: string): void {
    if (this.joining.unpark(key) === undefined) {
      return;
    }
    this.parkedHere.delete(key);
    if (this.loadedPending.has(key)) {
      this.unparkedLoaded.add(key);
    }
  }
}

import type {
  ConsignmentManifest,
  DecisionEvent,
  MovementEvent,
  SanctionsScreener,
} from '@chokepoint/contracts';
import {
  applyManifest,
  applyMovement,
  applyOfficerDecision,
  applyTimer,
  movementKey,
} from '../consignment/consignment-machine';
import type {
  ConsignmentState,
  ConsignmentTransition,
  OfficerAction,
  OfficerActionStatus,
  ScreeningContext,
  TimerSpec,
} from '../consignment/consignment-state.types';
import { ConsignmentGoodsFactsCache } from '../consignment/goods-facts.cache';
import { parseEventTime } from '../consignment/location';
import type { RulePack } from '../rule-pack/rule-pack.types';
import { JoiningIndex } from './joining-index';
import { joinMovement, type MovementJoin, type PendingKey } from './movement-joining';

export interface WorldContext {
  jurisdiction: string;
  rulePack: RulePack;
  sanctions: SanctionsScreener;
}

export interface WorldOutput {
  decisions: DecisionEvent[];
  /** Timers armed or moved, and ids cancelled, across every consignment touched. */
  timersSet: TimerSpec[];
  timersCancelled: string[];
  join?: MovementJoin;
  officerStatus?: OfficerActionStatus;
}

export interface PendingMovement {
  movement: MovementEvent;
  keys: PendingKey[];
}

/** JSON form of a world: consignment states and waiting movements; indexes are rebuilt on load. */
export interface WorldSnapshot {
  consignments: ConsignmentState[];
  pending: PendingMovement[];
  timers: TimerSpec[];
}

export interface WorldStats {
  consignments: number;
  inScope: number;
  outOfScope: number;
  pendingMovements: number;
  armedTimers: number;
}

/**
 * In-memory store for the replay CLI and tests: consignment states, the joining index (booking and
 * container to consignment), movements waiting for their manifest and armed timers. It runs on event
 * time: before each event, timers due by then fire (in due order). The screening service mirrors the
 * same steps against PostgreSQL through the same JoiningIndex and `apply*` functions.
 */
export class ScreeningWorld {
  private readonly consignments = new Map<string, ConsignmentState>();
  private readonly joining = new JoiningIndex({
    hasConsignment: (id) => this.consignments.has(id),
    isOpen: (id) => this.consignments.get(id)?.closed === false,
  });
  private readonly timers = new Map<string, TimerSpec>();
  /**
   * No armed timer is due before this instant (a lower bound, exact after a scan), so that the check
   * made before every event costs nothing while thousands of transit and dwell timers wait.
   */
  private earliestDueMs = Number.NEGATIVE_INFINITY;
  private readonly goodsFacts = new ConsignmentGoodsFactsCache();

  constructor(
    private readonly context: WorldContext,
    snapshot?: WorldSnapshot,
  ) {
    if (snapshot) {
      snapshot.consignments.forEach((state) => this.store(state));
      snapshot.pending.forEach(({ movement, keys }) =>
        this.joining.park({ movementKey: movementKey(movement), movement, keys }),
      );
      snapshot.timers.forEach((timer) => this.armTimer(timer));
    }
  }

  getConsignment(consignmentId: string): ConsignmentState | undefined {
    return this.consignments.get(consignmentId);
  }

  applyManifest(manifest: ConsignmentManifest): WorldOutput {
    const output = this.advanceTo(manifest.receivedAt);
    const waiting = this.joining.parkedFor(manifest, this.context.rulePack.limits.pendingMovementMaxHours);
    const state = this.consignments.get(manifest.transportDocumentReference);
    const transition = applyManifest(state, manifest, this.ctx(manifest.receivedAt), waiting.movements);
    // Taken only once the engine has applied them, as the service does: an event the engine throws on
    // changes nothing, in replay as in the service.
    waiting.movementKeys.forEach((key) => this.joining.unpark(key));
    this.absorb(transition, output);
    return output;
  }

  applyMovement(movement: MovementEvent): WorldOutput {
    const output = this.advanceTo(movement.eventDateTime);
    const join = joinMovement(movement, this.joining);
    output.join = join;
    if (join.kind === 'PENDING') {
      const key = movementKey(movement);
      if (movement.action === 'RETRACT') {
        this.joining.unpark(key);
      } else if (join.keys.length > 0) {
        // Parking again under the same movement key replaces the earlier entry, keys included.
        this.joining.park({ movementKey: key, movement, keys: join.keys });
      }
      return output;
    }
    for (const consignmentId of join.consignmentIds) {
      const state = this.consignments.get(consignmentId);
      if (state) {
        this.absorb(applyMovement(state, movement, this.ctx(movement.eventDateTime)), output);
      }
    }
    return output;
  }

  applyOfficerDecision(consignmentId: string, action: OfficerAction): WorldOutput {
    const output = this.advanceTo(action.at);
    const state = this.consignments.get(consignmentId);
    if (!state) {
      output.officerStatus = 'OUT_OF_SCOPE';
      return output;
    }
    const transition = applyOfficerDecision(state, action, this.ctx(action.at));
    output.officerStatus = transition.status;
    this.absorb(transition, output);
    return output;
  }

  /** Fires every timer due at or before `until`, in due-time order (replay `--until`). */
  advanceTo(until: string): WorldOutput {
    const output: WorldOutput = { decisions: [], timersSet: [], timersCancelled: [] };
    const untilMs = parseEventTime(until);
    for (;;) {
      if (untilMs < this.earliestDueMs) {
        return output;
      }
      let next: TimerSpec | undefined;
      let earliest = Number.POSITIVE_INFINITY;
      for (const timer of this.timers.values()) {
        const dueMs = parseEventTime(timer.dueAt);
        if (
          dueMs <= untilMs &&
          (!next || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.timerId < next.timerId))
        ) {
          next = timer;
        }
        if (dueMs < earliest) {
          earliest = dueMs;
        }
      }
      if (!next) {
        this.earliestDueMs = earliest;
        return output;
      }
      this.timers.delete(next.timerId);
      const state = this.consignments.get(next.consignmentId);
      if (state) {
        this.absorb(applyTimer(state, next, this.ctx(next.dueAt)), output);
      }
    }
  }

  /** Waiting movements older than the pack's limit (event time) are dropped; returns how many. */
  expirePending(now: string): number {
    const limitMs = parseEventTime(now) - this.context.rulePack.limits.pendingMovementMaxHours * 3_600_000;
    let dropped = 0;
    for (const entry of [...this.joining.parkedMovements()]) {
      if (parseEventTime(entry.movement.eventDateTime) < limitMs) {
        this.joining.unpark(entry.movementKey);
        dropped += 1;
      }
    }
    return dropped;
  }

  stats(): WorldStats {
    let inScope = 0;
    for (const state of this.consignments.values()) {
      if (state.stage !== null) {
        inScope += 1;
      }
    }
    return {
      consignments: this.consignments.size,
      inScope,
      outOfScope: this.consignments.size - inScope,
      pendingMovements: this.joining.parkedCount,
      armedTimers: this.timers.size,
    };
  }

  snapshot(): WorldSnapshot {
    return {
      consignments: [...this.consignments.values()],
      pending: [...this.joining.parkedMovements()].map(({ movement, keys }) => ({ movement, keys })),
      timers: [...this.timers.values()],
    };
  }

  private ctx(now: string): ScreeningContext {
    return { ...this.context, now, goodsFactsCache: this.goodsFacts };
  }

  private absorb(transition: ConsignmentTransition, output: WorldOutput): void {
    this.store(transition.state);
    output.decisions.push(...transition.decisions);
    for (const timerId of transition.timers.cancel) {
      this.timers.delete(timerId);
      output.timersCancelled.push(timerId);
    }
    for (const timer of transition.timers.set) {
      this.armTimer(timer);
      output.timersSet.push(timer);
    }
  }

  private armTimer(timer: TimerSpec): void {
    this.timers.set(timer.timerId, timer);
    // An unparseable due time (NaN) never fires, as before, and leaves the bound alone.
    const dueMs = parseEventTime(timer.dueAt);
    if (dueMs < this.earliestDueMs) {
      this.earliestDueMs = dueMs;
    }
  }

  private store(state: ConsignmentState): void {
    this.consignments.set(state.consignmentId, state);
    this.joining.addConsignment(state);
  }
}

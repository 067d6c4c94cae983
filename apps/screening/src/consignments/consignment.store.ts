import { Injectable } from '@nestjs/common';
import type { DecisionEvent } from '@chokepoint/contracts';
import {
  JoiningClaimRepository,
  ConsignmentLinkRepository,
  ConsignmentRepository,
  DecisionRepository,
  JoiningRepository,
  OutboxRepository,
  PendingMovementRepository,
  ScreeningTimerRepository,
  type SqlExecutor,
  type WriteBatch,
} from '@chokepoint/persistence';
import { ConcurrentJoinConflict } from './concurrent-join.conflict';
import type {
  ConsignmentWorkspace,
  LinkKind,
  WorkspaceChanges,
  WorkspaceSeed,
} from './consignment-workspace';
import { loadPlanFor, type LoadPlan } from './load-plan';

export const DECISION_HEADERS = {
  contentType: 'content-type',
  decisionId: 'chokepoint-decision-id',
  sequence: 'chokepoint-sequence',
} as const;

export interface SaveOptions {
  decisionsTopic: string;
  /** Parked movements expire this long after their event time (the rule pack's limit). */
  pendingMovementMaxHours: number;
  /** Officer who issued the decisions, for the ops console's story. */
  officerId?: string;
}

function outboxMessage(decision: DecisionEvent, topic: string) {
  return {
    consignmentId: decision.consignmentId,
    topic,
    key: decision.consignmentId,
    payload: JSON.stringify(decision),
    headers: {
      [DECISION_HEADERS.contentType]: 'application/json',
      [DECISION_HEADERS.decisionId]: decision.decisionId,
      [DECISION_HEADERS.sequence]: String(decision.sequence),
    },
  };
}

/**
 * Loads a locked slice of the durable world for a workspace and writes its changes back, all inside
 * the caller's transaction. Lock order everywhere: the source partition's mark (consumer), consignment
 * rows (by id), parked movements (by key), then contested joining keys (by key), each set in one
 * statement; after the last step a transaction only writes rows it holds, so waits cannot form a cycle.
 */
@Injectable()
export class ConsignmentStore {
  constructor(
    private readonly claims: JoiningClaimRepository,
    private readonly consignments: ConsignmentRepository,
    private readonly links: ConsignmentLinkRepository,
    private readonly pending: PendingMovementRepository,
    private readonly timers: ScreeningTimerRepository,
    private readonly decisions: DecisionRepository,
    private readonly outbox: OutboxRepository,
    private readonly joining: JoiningRepository,
  ) {}

  async load(sql: SqlExecutor, plan: LoadPlan): Promise<WorkspaceSeed> {
    const rows = await this.consignments.lockForJoining(
      sql,
      plan.consignmentIds,
      plan.bookingReferences,
      plan.equipmentReferences,
    );
    const pending = await this.pending.lockMatching(sql, plan.pendingKeys, plan.movementKeys);
    return {
      consignments: rows.map((row) => row.state),
      links: rows.flatMap((row) =>
        row.links.map((link) => {
          const separator = link.indexOf(':');
          return {
            kind: link.slice(0, separator) as LinkKind,
            reference: link.slice(separator + 1),
            consignmentId: row.id,
          };
        }),
      ),
      pending: pending.map((row) => ({
        movementKey: row.movementKey,
        movement: row.movement,
        keys: row.pendingKeys,
      })),
    };
  }

  /** Locks and loads one consignment (officer decisions); undefined when there is none. */
  async loadOne(sql: SqlExecutor, consignmentId: string): Promise<WorkspaceSeed | undefined> {
    const [row] = await this.consignments.lockForUpdate(sql, [consignmentId]);
    return row ? { consignments: [row.state], links: [], pending: [] } : undefined;
  }

  /** Locks the consignments nobody else holds right now (timers skip busy ones and come back). */
  async loadAvailable(sql: SqlExecutor, consignmentIds: readonly string[]): Promise<WorkspaceSeed> {
    const rows = await this.consignments.lockAvailable(sql, [...new Set(consignmentIds)]);
    return { consignments: rows.map((row) => row.state), links: [], pending: [] };
  }

  /**
   * Where this transaction parks a movement or brings in a consignment, booking or container, another
   * transaction may have done the meeting half meanwhile (a manifest for the movement, a movement for
   * the manifest) without either seeing the other. Locks those keys, then checks what committed since
   * the load; anything new means the workspace decided on stale data, and the transaction starts over.
   */
  async settleContestedKeys(
    sql: SqlExecutor,
    workspace: ConsignmentWorkspace,
    changes: WorkspaceChanges,
  ): Promise<void> {
    if (changes.contestedKeys.length === 0) {
      return;
    }
    await this.claims.claim(sql, changes.contestedKeys);
    const created = changes.consignments.filter((change) => change.created).map((c) => c.state.consignmentId);
    const parked = loadPlanFor(changes.unjoined);
    const answer = await this.joining.recheck(sql, {
      consignmentIds: [...created, ...parked.consignmentIds],
      bookingReferences: parked.bookingReferences,
      equipmentReferences: parked.equipmentReferences,
      pendingKeys: changes.introducedKeys,
    });
    if (created.some((id) => answer.existing.includes(id))) {
      throw new ConcurrentJoinConflict('a consignment this transaction created was created meanwhile');
    }
    if ([...answer.existing, ...answer.linked].some((id) => !workspace.hasConsignment(id))) {
      throw new ConcurrentJoinConflict('a consignment an unjoined movement would join arrived meanwhile');
    }
    if (answer.waiting.some((key) => !workspace.knewParked(key))) {
      throw new ConcurrentJoinConflict('a movement for a manifest being applied was parked meanwhile');
    }
  }

  /** Adds the workspace's changes to the batch; the caller adds its own rows and executes it. */
  save(batch: WriteBatch, changes: WorkspaceChanges, options: SaveOptions): void {
    this.consignments.save(
      batch,
      changes.consignments.map((change) => change.state),
    );
    this.links.add(batch, changes.links);
    this.links.syncClosed(
      batch,
      changes.consignments
        .filter((change) => change.closedChanged)
        .map((change) => ({ consignmentId: change.state.consignmentId, closed: change.state.closed })),
    );
    const parkedAgain = new Set(changes.parked.map((entry) => entry.movementKey));
    this.pending.remove(
      batch,
      changes.unparked.filter((key) => !parkedAgain.has(key)),
    );
    const maxAgeMs = options.pendingMovementMaxHours * 3_600_000;
    this.pending.park(
      batch,
      changes.parked.map((entry) => ({
        movementKey: entry.movementKey,
        pendingKeys: entry.keys,
        movement: entry.movement,
        eventTime: entry.movement.eventDateTime,
        expiresAt: new Date(Date.parse(entry.movement.eventDateTime) + maxAgeMs).toISOString(),
      })),
    );
    this.timers.cancel(batch, changes.timersCancelled);
    this.timers.arm(batch, changes.timersSet);
    this.decisions.add(
      batch,
      changes.decisions.map((event) => ({
        event,
        ...(options.officerId ? { officerId: options.officerId } : {}),
      })),
    );
    this.outbox.enqueue(
      batch,
      changes.decisions.map((decision) => outboxMessage(decision, options.decisionsTopic)),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE, type SlaPause } from '@chokepoint/persistence';
import type { DeadlineBasis } from '../sla/sla-deadline';
import type { Hold, HoldStatus, HoldWithAssignee } from './hold';

/** Channel on which every hold change is announced to all ops instances (live updates). */
export const HOLD_CHANGES_CHANNEL = 'ops_hold_changes';

export interface HoldRow {
  consignment_id: string;
  status: HoldStatus;
  stage: string;
  categories: string[];
  rule_ids: string[];
  score: number;
  held_at: Date;
  decision_sequence: number;
  decision_id: string;
  port_of_loading: string | null;
  port_of_discharge: string | null;
  place_of_delivery: string | null;
  base_deadline: Date;
  deadline_basis: DeadlineBasis;
  deadline: Date;
  sla_paused_since: Date | null;
  sla_paused_ms: string;
  sla_pauses: SlaPause[];
  assignee_id: string | null;
  first_release_by: string | null;
  closed_at: Date | null;
  updated_at: Date;
  assignee_name?: string | null;
}

export const HOLD_COLUMNS = `h.consignment_id, h.status, h.stage, h.categories, h.rule_ids, h.score, h.held_at,
  h.decision_sequence, h.decision_id, h.port_of_loading, h.port_of_discharge, h.place_of_delivery,
  h.base_deadline, h.deadline_basis, h.deadline, h.sla_paused_since, h.sla_paused_ms, h.sla_pauses,
  h.assignee_id, h.first_release_by, h.closed_at, h.updated_at`;

export function toHold(row: HoldRow): HoldWithAssignee {
  return {
    consignmentId: row.consignment_id,
    status: row.status,
    stage: row.stage,
    categories: row.categories,
    ruleIds: row.rule_ids,
    score: row.score,
    heldAt: row.held_at,
    decisionSequence: row.decision_sequence,
    decisionId: row.decision_id,
    portOfLoading: row.port_of_loading,
    portOfDischarge: row.port_of_discharge,
    placeOfDelivery: row.place_of_delivery,
    baseDeadline: row.base_deadline,
    deadlineBasis: row.deadline_basis,
    deadline: row.deadline,
    slaPausedSince: row.sla_paused_since,
    slaPausedMs: Number(row.sla_paused_ms),
    slaPauses: row.sla_pauses,
    assigneeId: row.assignee_id,
    firstReleaseBy: row.first_release_by,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
    assigneeName: row.assignee_name ?? null,
  };
}

export type HoldChange = { type: 'upserted' | 'removed'; consignmentId: string };

@Injectable()
export class HoldRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async find(
    consignmentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HoldWithAssignee | null> {
    const rows: HoldRow[] = await manager.query(
      `SELECT ${HOLD_COLUMNS}, u.display_name AS assignee_name
         FROM ops_hold h LEFT JOIN ops_user u ON u.id = h.assignee_id
        WHERE h.consignment_id = $1`,
      [consignmentId],
    );
    return rows[0] ? toHold(rows[0]) : null;
  }

  /** Row-locks the hold for the rest of the transaction. */
  async lock(manager: EntityManager, consignmentId: string): Promise<Hold | null> {
    const rows: HoldRow[] = await manager.query(
      `SELECT ${HOLD_COLUMNS} FROM ops_hold h WHERE h.consignment_id = $1 FOR UPDATE`,
      [consignmentId],
    );
    return rows[0] ? toHold(rows[0]) : null;
  }

  async lockMany(manager: EntityManager, consignmentIds: string[]): Promise<Map<string, Hold>> {
    if (consignmentIds.length === 0) {
      return new Map();
    }
    // Sorted so concurrent writers lock rows in one order.
    const rows: HoldRow[] = await manager.query(
      `SELECT ${HOLD_COLUMNS} FROM ops_hold h WHERE h.consignment_id = ANY($1)
        ORDER BY h.consignment_id FOR UPDATE`,
      [[...new Set(consignmentIds)].sort()],
    );
    return new Map(rows.map((row) => [row.consignment_id, toHold(row)]));
  }

  async existing(consignmentIds: string[]): Promise<Set<string>> {
    if (consignmentIds.length === 0) {
      return new Set();
    }
    const rows: Array<{ consignment_id: string }> = await this.dataSource.query(
      `SELECT consignment_id FROM ops_hold WHERE consignment_id = ANY($1)`,
      [consignmentIds],
    );
    return new Set(rows.map((row) => row.consignment_id));
  }

  /** Inserts or replaces the whole row, then announces the change on commit (NOTIFY is transactional). */
  async save(manager: EntityManager, hold: Hold, change: HoldChange['type'] = 'upserted'): Promise<void> {
    await manager.query(
      `INSERT INTO ops_hold (consignment_id, status, stage, categories, rule_ids, score, held_at,
         decision_sequence, decision_id, port_of_loading, port_of_discharge, place_of_delivery,
         base_deadline, deadline_basis, deadline, sla_paused_since, sla_paused_ms, sla_pauses,
         assignee_id, first_release_by, closed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20,
         $21, $22)
       ON CONFLICT (consignment_id) DO UPDATE SET
         status = EXCLUDED.status, stage = EXCLUDED.stage, categories = EXCLUDED.categories,
         rule_ids = EXCLUDED.rule_ids, score = EXCLUDED.score, held_at = EXCLUDED.held_at,
         decision_sequence = EXCLUDED.decision_sequence, decision_id = EXCLUDED.decision_id,
         port_of_loading = EXCLUDED.port_of_loading, port_of_discharge = EXCLUDED.port_of_discharge,
         place_of_delivery = EXCLUDED.place_of_delivery, base_deadline = EXCLUDED.base_deadline,
         deadline_basis = EXCLUDED.deadline_basis, deadline = EXCLUDED.deadline,
         sla_paused_since = EXCLUDED.sla_paused_since, sla_paused_ms = EXCLUDED.sla_paused_ms,
         sla_pauses = EXCLUDED.sla_pauses, assignee_id = EXCLUDED.assignee_id,
         first_release_by = EXCLUDED.first_release_by, closed_at = EXCLUDED.closed_at,
         updated_at = EXCLUDED.updated_at`,
      [
        hold.consignmentId,
        hold.status,
        hold.stage,
        hold.categories,
        hold.ruleIds,
        Math.round(hold.score),
        hold.heldAt,
        hold.decisionSequence,
        hold.decisionId,
        hold.portOfLoading,
        hold.portOfDischarge,
        hold.placeOfDelivery,
        hold.baseDeadline,
        hold.deadlineBasis,
        hold.deadline,
        hold.slaPausedSince,
        hold.slaPausedMs,
        JSON.stringify(hold.slaPauses),
        hold.assigneeId,
        hold.firstReleaseBy,
        hold.closedAt,
        hold.updatedAt,
      ],
    );
    await this.announce(manager, { type: 'upserted', consignmentId: hold.consignmentId });
    if (change === 'removed') {
      await this.announce(manager, { type: 'removed', consignmentId: hold.consignmentId });
    }
  }

  async announce(manager: EntityManager, change: HoldChange): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [HOLD_CHANGES_CHANNEL, JSON.stringify(change)]);
  }
}

import type { DecisionEvent } from '@chokepoint/contracts';
import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface DecisionToStore {
  event: DecisionEvent;
  officerId?: string;
}

export class DecisionRepository {
  /** Stores issued decisions; (consignment, sequence) is unique, so a decision can never be issued twice. */
  add(batch: WriteBatch, decisions: readonly DecisionToStore[]): void {
    if (decisions.length === 0) {
      return;
    }
    const rows = decisions.map(({ event, officerId }) => ({
      decision_id: event.decisionId,
      consignment_id: event.consignmentId,
      sequence: event.sequence,
      decision: event.decision,
      stage: event.stage,
      source: event.source,
      decided_at: event.decidedAt,
      score: event.score,
      categories: event.categories,
      rule_ids: [...new Set(event.reasons.map((reason) => reason.ruleId))],
      hold_rule_ids: [
        ...new Set(event.reasons.filter((r) => r.outcome === 'HOLD').map((reason) => reason.ruleId)),
      ],
      trigger_type: event.triggeredBy.type,
      trigger_event_id: event.triggeredBy.eventId,
      supersedes: event.supersedes,
      rule_set_version: event.ruleSetVersion,
      officer_id: officerId ?? null,
      payload: event,
    }));
    batch.add(
      'added_decisions',
      `INSERT INTO decision (decision_id, consignment_id, sequence, decision, stage, source, decided_at, score,
              categories, rule_ids, hold_rule_ids, trigger_type, trigger_event_id, supersedes,
              rule_set_version, officer_id, payload)
       SELECT r.decision_id, r.consignment_id, r.sequence, r.decision, r.stage, r.source, r.decided_at, r.score,
              r.categories, r.rule_ids, r.hold_rule_ids, r.trigger_type, r.trigger_event_id, r.supersedes,
              r.rule_set_version, r.officer_id, r.payload
         FROM jsonb_to_recordset(${batch.param(JSON.stringify(rows))}::jsonb) AS r(decision_id uuid, consignment_id text, sequence integer,
              decision text, stage text, source text, decided_at timestamptz, score double precision,
              categories text[], rule_ids text[], hold_rule_ids text[], trigger_type text,
              trigger_event_id text, supersedes uuid, rule_set_version text, officer_id text, payload jsonb)`,
    );
  }

  async findById(sql: SqlExecutor, decisionId: string): Promise<DecisionEvent | undefined> {
    const rows = await sql.query<{ payload: DecisionEvent }>(
      `SELECT payload FROM decision WHERE decision_id = $1`,
      [decisionId],
    );
    return rows[0]?.payload;
  }

  async listByConsignment(sql: SqlExecutor, consignmentId: string): Promise<DecisionEvent[]> {
    const rows = await sql.query<{ payload: DecisionEvent }>(
      `SELECT payload FROM decision WHERE consignment_id = $1 ORDER BY sequence`,
      [consignmentId],
    );
    return rows.map((row) => row.payload);
  }
}

import type { TimerSpec } from '@chokepoint/engine';
import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface DueTimer {
  timerId: string;
  consignmentId: string;
  spec: TimerSpec;
}

export class ScreeningTimerRepository {
  /** Arms timers; arming an id again moves it (and re-arms it if it had fired). */
  arm(batch: WriteBatch, timers: readonly TimerSpec[]): void {
    if (timers.length === 0) {
      return;
    }
    const rows = timers.map((timer) => ({
      timer_id: timer.timerId,
      consignment_id: timer.consignmentId,
      rule_id: timer.ruleId,
      equipment_reference: timer.equipmentReference ?? null,
      due_at: timer.dueAt,
      spec: timer,
    }));
    batch.add(
      'armed_timers',
      `INSERT INTO screening_timer (timer_id, consignment_id, rule_id, equipment_reference, due_at, spec)
       SELECT r.timer_id, r.consignment_id, r.rule_id, r.equipment_reference, r.due_at, r.spec
         FROM jsonb_to_recordset(${batch.param(JSON.stringify(rows))}::jsonb) AS r(timer_id text, consignment_id text,
              rule_id text, equipment_reference text, due_at timestamptz, spec jsonb)
       ON CONFLICT (timer_id) DO UPDATE SET
         consignment_id = EXCLUDED.consignment_id,
         rule_id = EXCLUDED.rule_id,
         equipment_reference = EXCLUDED.equipment_reference,
         due_at = EXCLUDED.due_at,
         spec = EXCLUDED.spec,
         armed_at = now(),
         fired_at = NULL`,
    );
  }

  cancel(batch: WriteBatch, timerIds: readonly string[]): void {
    if (timerIds.length > 0) {
      batch.add(
        'cancelled_timers',
        `DELETE FROM screening_timer WHERE timer_id = ANY(${batch.param(timerIds)}::text[]) AND fired_at IS NULL`,
      );
    }
  }

  /** Due timers in due order, locked; timers another instance is firing are skipped, not waited for. */
  async claimDue(sql: SqlExecutor, now: Date, limit: number): Promise<DueTimer[]> {
    return sql.query<DueTimer>(
      `SELECT timer_id AS "timerId", consignment_id AS "consignmentId", spec
         FROM screening_timer
        WHERE fired_at IS NULL AND due_at <= $1
        ORDER BY due_at, timer_id
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), limit],
    );
  }

  /** Marks timers fired; a timer armed again in the same batch must not be listed here. */
  markFired(batch: WriteBatch, timerIds: readonly string[], firedAt: Date): void {
    if (timerIds.length > 0) {
      batch.add(
        'fired_timers',
        `UPDATE screening_timer SET fired_at = ${batch.param(firedAt.toISOString())}
          WHERE timer_id = ANY(${batch.param(timerIds)}::text[]) AND fired_at IS NULL`,
      );
    }
  }

  async countDue(sql: SqlExecutor, now: Date): Promise<number> {
    const rows = await sql.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM screening_timer WHERE fired_at IS NULL AND due_at <= $1`,
      [now.toISOString()],
    );
    return Number(rows[0]?.count ?? 0);
  }
}

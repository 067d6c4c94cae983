import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface OfficerActionRecord {
  actionId: string;
  consignmentId: string;
  officerId: string;
  action: 'RELEASE' | 'HOLD';
  reasonCode: string;
  note: string | null;
  status: string;
  decisionId: string | null;
  actedAt: string;
}

export class OfficerActionRepository {
  async find(sql: SqlExecutor, actionId: string): Promise<OfficerActionRecord | undefined> {
    const rows = await sql.query<OfficerActionRecord>(
      `SELECT action_id AS "actionId", consignment_id AS "consignmentId", officer_id AS "officerId", action,
              reason_code AS "reasonCode", note, status, decision_id AS "decisionId",
              to_char(acted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "actedAt"
         FROM officer_action WHERE action_id = $1`,
      [actionId],
    );
    return rows[0];
  }

  add(batch: WriteBatch, record: OfficerActionRecord): void {
    batch.add(
      'officer_actions',
      `INSERT INTO officer_action (action_id, consignment_id, officer_id, action, reason_code, note, status,
              decision_id, acted_at)
       VALUES (${[
         record.actionId,
         record.consignmentId,
         record.officerId,
         record.action,
         record.reasonCode,
         record.note,
         record.status,
         record.decisionId,
         record.actedAt,
       ]
         .map((value) => batch.param(value))
         .join(', ')})`,
    );
  }
}

import { movementKeyOfStored } from './pending-movement.repository';
import type { SqlExecutor } from './sql-executor';

export interface JoiningQuestion {
  /** Consignments that may have been created meanwhile. */
  consignmentIds: readonly string[];
  bookingReferences: readonly string[];
  /** Containers: only open consignments count. */
  equipmentReferences: readonly string[];
  /** Keys under which movements may have been parked meanwhile. */
  pendingKeys: readonly string[];
}

export interface JoiningAnswer {
  existing: string[];
  linked: string[];
  /** Engine movement keys. */
  waiting: string[];
}

/** What committed on the joining tables, asked in one statement after the contested keys are locked. */
export class JoiningRepository {
  async recheck(sql: SqlExecutor, question: JoiningQuestion): Promise<JoiningAnswer> {
    const [row] = await sql.query<{ existing: string[]; linked: string[]; waiting: string[] }>(
      `SELECT
         coalesce((SELECT array_agg(id) FROM consignment WHERE id = ANY($1::text[])), '{}') AS existing,
         coalesce((SELECT array_agg(DISTINCT consignment_id) FROM consignment_link
                    WHERE (kind = 'BKG' AND reference = ANY($2::text[]))
                       OR (kind = 'EQ' AND reference = ANY($3::text[]) AND NOT closed)), '{}') AS linked,
         coalesce((SELECT array_agg(DISTINCT movement_key) FROM pending_movement_key WHERE pending_key = ANY($4::text[])), '{}')
           AS waiting`,
      [
        question.consignmentIds,
        question.bookingReferences,
        question.equipmentReferences,
        question.pendingKeys,
      ],
    );
    return {
      existing: row?.existing ?? [],
      linked: row?.linked ?? [],
      waiting: (row?.waiting ?? []).map(movementKeyOfStored),
    };
  }
}

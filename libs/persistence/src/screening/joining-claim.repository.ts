import type { SqlExecutor } from './sql-executor';

export class JoiningClaimRepository {
  /**
   * Locks the exact keys for the rest of the transaction: inserts a claim row for each, or locks the row
   * that is there, in key order (so two transactions claiming overlapping sets rarely deadlock, and the
   * unit of work retries when they do). Row locks live in the rows, not in PostgreSQL's shared lock
   * table, so a chunk may claim thousands of keys, and only transactions sharing a key wait. A claim
   * taken in the last minute keeps its time: ON CONFLICT DO UPDATE locks the row whether or not its
   * WHERE lets it update, and rewriting `claimed_at` wrote a new row version and two index entries to
   * the write-ahead log each time (the claims' log went from 286-292 to 206-215 bytes per event end to
   * end, `npm run bench`, 2 runs each). The time only needs to say which claims are idle (purgeIdle,
   * after 10 minutes).
   */
  async claim(sql: SqlExecutor, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) {
      return;
    }
    await sql.query(
      `INSERT INTO joining_claim (joining_key, claimed_at)
       SELECT k, now() FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (joining_key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
         WHERE joining_claim.claimed_at < EXCLUDED.claimed_at - interval '1 minute'`,
      [[...new Set(keys)]],
    );
  }

  /** Deletes claims last taken before `before`, at most `limit`; rows locked right now are skipped. */
  async purgeIdle(sql: SqlExecutor, before: Date, limit: number): Promise<number> {
    const rows = await sql.query<{ joining_key: string }>(
      `DELETE FROM joining_claim WHERE joining_key IN (
         SELECT joining_key FROM joining_claim WHERE claimed_at < $1
          ORDER BY claimed_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ) RETURNING joining_key`,
      [before.toISOString(), limit],
    );
    return rows.length;
  }
}

import type { SqlExecutor } from './sql-executor';

/** Namespace (first key) of screening's transaction-scoped advisory locks on joining keys. */
export const JOINING_KEY_LOCK_SPACE = 0x5343;

export class AdvisoryLockRepository {
  /**
   * Takes transaction-scoped advisory locks for `keys`, hashed into `buckets` lock ids, all in one
   * statement and in id order, so two transactions locking overlapping sets cannot deadlock on them.
   * Buckets bound the locks one transaction holds (PostgreSQL's lock table is sized by
   * max_locks_per_transaction × connections); two keys sharing a bucket only wait for each other.
   */
  async lockKeys(
    sql: SqlExecutor,
    keys: readonly string[],
    buckets: number,
    space: number = JOINING_KEY_LOCK_SPACE,
  ): Promise<void> {
    if (keys.length === 0) {
      return;
    }
    await sql.query(
      `SELECT pg_advisory_xact_lock($1::integer, b)
         FROM (SELECT DISTINCT ((hashtext(k) % $3::integer) + $3::integer) % $3::integer AS b
                 FROM unnest($2::text[]) AS k) AS bucket
        ORDER BY b`,
      [space, keys, buckets],
    );
  }
}

import type { MovementEvent } from '@chokepoint/contracts';
import { jsonTextAt, packJsonTexts } from './json-texts';
import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface ParkedMovementRow {
  movementKey: string;
  pendingKeys: string[];
  movement: MovementEvent;
}

export interface ParkMovement extends ParkedMovementRow {
  eventTime: string;
  expiresAt: string;
}

/**
 * The engine keys a movement by originating party and event id joined with NUL, which PostgreSQL text
 * cannot hold: stored as a JSON array of the parts instead, and turned back on the way out.
 */
export function storedMovementKey(movementKey: string): string {
  return JSON.stringify(movementKey.split('\u0000'));
}

export function movementKeyOfStored(stored: string): string {
  return (JSON.parse(stored) as string[]).join('\u0000');
}

export class PendingMovementRepository {
  /**
   * Locks the movements parked under any of `pendingKeys` or with one of `movementKeys`, and returns
   * them in parking order.
   */
  async lockMatching(
    sql: SqlExecutor,
    pendingKeys: readonly string[],
    movementKeys: readonly string[],
  ): Promise<ParkedMovementRow[]> {
    if (pendingKeys.length === 0 && movementKeys.length === 0) {
      return [];
    }
    const rows = await sql.query<ParkedMovementRow & { parkSeq: string }>(
      `SELECT movement_key AS "movementKey", pending_keys AS "pendingKeys", movement, park_seq::text AS "parkSeq"
         FROM pending_movement
        WHERE movement_key = ANY(
                ARRAY(SELECT movement_key FROM pending_movement_key WHERE pending_key = ANY($1::text[])) || $2::text[])
        ORDER BY movement_key FOR UPDATE`,
      [pendingKeys, movementKeys.map(storedMovementKey)],
    );
    return rows
      .sort((a, b) => (BigInt(a.parkSeq) < BigInt(b.parkSeq) ? -1 : 1))
      .map(({ movementKey, pendingKeys: keys, movement }) => ({
        movementKey: movementKeyOfStored(movementKey),
        pendingKeys: keys,
        movement,
      }));
  }

  remove(batch: WriteBatch, movementKeys: readonly string[]): void {
    if (movementKeys.length > 0) {
      const keys = batch.param(movementKeys.map(storedMovementKey));
      batch.add(
        'unparked_movements',
        `DELETE FROM pending_movement WHERE movement_key = ANY(${keys}::text[])`,
      );
      batch.add(
        'unparked_movement_keys',
        `DELETE FROM pending_movement_key WHERE movement_key = ANY(${keys}::text[])`,
      );
    }
  }

  /**
   * Parks movements in the order given (the parking order). Parking one again moves it to the end: the
   * row is replaced in place, since a batch cannot delete and insert the same key.
   */
  park(batch: WriteBatch, movements: readonly ParkMovement[]): void {
    if (movements.length === 0) {
      return;
    }
    const { bytes, rows } = packJsonTexts(
      movements,
      (m) => m.movement,
      (m, text) => ({
        movement_key: storedMovementKey(m.movementKey),
        pending_keys: m.pendingKeys,
        movement_start: text.start,
        movement_length: text.length,
        event_time: m.eventTime,
        expires_at: m.expiresAt,
      }),
    );
    // Read once for the three writes below (a CTE read more than once is materialised), not once each;
    // the movements' JSON cut out of one binary parameter (packJsonTexts).
    const movementBytes = batch.param(bytes);
    const parked = batch.add(
      'parked_rows',
      `SELECT r.movement_key, r.pending_keys,
              ${jsonTextAt(movementBytes, 'r.movement_start', 'r.movement_length')} AS movement,
              r.event_time, r.expires_at, r.ord
         FROM ROWS FROM (json_to_recordset(${batch.param(JSON.stringify(rows))}::json) AS (movement_key text,
                pending_keys text[], movement_start integer, movement_length integer,
                event_time timestamptz, expires_at timestamptz))
              WITH ORDINALITY AS r(movement_key, pending_keys, movement_start, movement_length,
                                   event_time, expires_at, ord)`,
    );
    batch.add(
      'parked_movements',
      `INSERT INTO pending_movement (movement_key, pending_keys, movement, event_time, expires_at)
       SELECT movement_key, pending_keys, movement, event_time, expires_at FROM ${parked} ORDER BY ord
       ON CONFLICT (movement_key) DO UPDATE SET
         pending_keys = EXCLUDED.pending_keys,
         movement = EXCLUDED.movement,
         event_time = EXCLUDED.event_time,
         expires_at = EXCLUDED.expires_at,
         received_at = now(),
         park_seq = EXCLUDED.park_seq`,
    );
    // A movement parked again may wait under other keys now: drop the ones it left, add the new ones
    // (one statement cannot delete and insert the same row, so pairs that stay are left alone).
    batch.add(
      'left_movement_keys',
      `DELETE FROM pending_movement_key k USING ${parked} r
        WHERE k.movement_key = r.movement_key AND NOT k.pending_key = ANY(r.pending_keys)`,
    );
    batch.add(
      'parked_movement_keys',
      `INSERT INTO pending_movement_key (pending_key, movement_key)
       SELECT DISTINCT k, r.movement_key FROM ${parked} r, unnest(r.pending_keys) AS k
       ON CONFLICT DO NOTHING`,
    );
  }

  /**
   * Deletes up to `limit` movements expired (by event time) before `now` and parked (by wall clock)
   * before `parkedBefore`: a replay of old data must not lose a movement whose manifest is seconds away.
   */
  async purgeExpired(sql: SqlExecutor, now: Date, parkedBefore: Date, limit: number): Promise<number> {
    const rows = await sql.query<{ movement_key: string }>(
      `WITH expired AS (
         DELETE FROM pending_movement WHERE movement_key IN (
           SELECT movement_key FROM pending_movement
            WHERE expires_at < $1 AND received_at < $2
            ORDER BY expires_at LIMIT $3
         ) RETURNING movement_key
       ), expired_keys AS (
         DELETE FROM pending_movement_key WHERE movement_key IN (SELECT movement_key FROM expired)
       )
       SELECT movement_key FROM expired`,
      [now.toISOString(), parkedBefore.toISOString(), limit],
    );
    return rows.length;
  }

  async count(sql: SqlExecutor): Promise<number> {
    const rows = await sql.query<{ count: string }>(`SELECT count(*)::text AS count FROM pending_movement`);
    return Number(rows[0]?.count ?? 0);
  }
}

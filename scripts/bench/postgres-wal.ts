import type { Client } from 'pg';

/** PostgreSQL's write-ahead log over a phase: what the database wrote, whatever the machine's speed. */
export interface WalFigures {
  bytes: number;
  events: number;
  bytesPerEvent: number;
}

/** Where the server's write-ahead log ends now (an LSN such as `1/CF55388`). */
export async function walPosition(db: Client): Promise<string> {
  const { rows } = await db.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
  const lsn = rows[0]?.lsn;
  if (lsn === undefined) {
    throw new Error('PostgreSQL did not say where its write-ahead log ends');
  }
  return lsn;
}

export function walFigures(bytes: number, events: number): WalFigures {
  return { bytes, events, bytesPerEvent: events > 0 ? Math.round(bytes / events) : Number.NaN };
}

/**
 * Write-ahead log bytes since `start`, per event. The log is the whole server's: another database
 * written meanwhile counts too (on the bench's machine nothing else writes). Unlike CPU seconds, the
 * figure does not move with a shared machine's speed (only a few percent, with the full-page images
 * after a checkpoint), so it shows what a change to the write path did.
 */
export async function walSince(db: Client, start: string, events: number): Promise<WalFigures> {
  const { rows } = await db.query<{ bytes: string }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint::text AS bytes`,
    [start],
  );
  return walFigures(Number(rows[0]?.bytes ?? Number.NaN), events);
}

export function describeWal(wal: WalFigures): string {
  return `${(wal.bytes / 1_048_576).toFixed(1)} MiB of PostgreSQL write-ahead log, ${wal.bytesPerEvent} bytes per event`;
}

import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'pg';

/** A table's sequential scans over a phase: how many, and the rows they read. */
export interface SequentialScans {
  table: string;
  scans: number;
  rows: number;
  rowsPerEvent: number;
}

/** One reading of a table's counters in pg_stat_user_tables. */
export interface TableScanCounters {
  table: string;
  scans: number;
  rows: number;
}

/** Tables whose sequential scans read rows between two readings, most rows first. */
export function sequentialScansBetween(
  before: readonly TableScanCounters[],
  after: readonly TableScanCounters[],
  events: number,
): SequentialScans[] {
  const start = new Map(before.map((counters) => [counters.table, counters]));
  return after
    .map(({ table, scans, rows }) => {
      const read = rows - (start.get(table)?.rows ?? 0);
      return {
        table,
        scans: scans - (start.get(table)?.scans ?? 0),
        rows: read,
        rowsPerEvent: events > 0 ? Math.round((read / events) * 100) / 100 : Number.NaN,
      };
    })
    .filter((scans) => scans.rows > 0)
    .sort((a, b) => b.rows - a.rows || a.table.localeCompare(b.table));
}

export function describeSequentialScans(tables: readonly SequentialScans[], events: number, top = 5): string {
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  if (rows === 0) {
    return 'no rows read by sequential scans';
  }
  const perEvent = events > 0 ? (rows / events).toFixed(2) : 'n/a';
  const listed = tables
    .slice(0, top)
    .map((table) => `${table.table} ${table.rows} (${table.scans} ${table.scans === 1 ? 'scan' : 'scans'})`)
    .join(', ');
  return `${rows} rows read by sequential scans, ${perEvent} per event: ${listed}`;
}

/** How long close() lets the stopped services' sessions end (each reports its counters as it exits). */
const SESSIONS_END_MS = 1_000;

/**
 * The rows PostgreSQL read by sequential scans over a phase, per table of the bench's database
 * (pg_stat_user_tables). The services' statements find a chunk's rows by key; a table read whole per
 * chunk costs CPU that grows with the table, and the figure, unlike CPU, does not move with the
 * machine's speed. The bench's own progress queries count too (a few rows of the outbox).
 */
export class SequentialScanWindow {
  private constructor(
    private readonly db: Client,
    private readonly log: (line: string) => void,
    private readonly start: TableScanCounters[],
  ) {}

  static async open(db: Client, log: (line: string) => void): Promise<SequentialScanWindow> {
    return new SequentialScanWindow(db, log, await readCounters(db));
  }

  /** Call once the services are stopped: their sessions report what they read when they end. */
  async close(events: number): Promise<SequentialScans[]> {
    await delay(SESSIONS_END_MS);
    const tables = sequentialScansBetween(this.start, await readCounters(this.db), events);
    this.log(`throughput: ${describeSequentialScans(tables, events)}`);
    return tables;
  }
}

async function readCounters(db: Client): Promise<TableScanCounters[]> {
  const { rows } = await db.query<{ table: string; scans: string; rows: string }>(
    `SELECT relname AS table, coalesce(seq_scan, 0)::text AS scans, coalesce(seq_tup_read, 0)::text AS rows
       FROM pg_stat_user_tables`,
  );
  return rows.map((row) => ({ table: row.table, scans: Number(row.scans), rows: Number(row.rows) }));
}

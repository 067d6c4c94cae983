import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'pg';

/** PostgreSQL's write-ahead log over a phase: what the database wrote, whatever the machine's speed. */
export interface WalFigures {
  bytes: number;
  events: number;
  bytesPerEvent: number;
}

/** Where the server's write-ahead log ends now (an LSN such as `1/CF55388`). */
async function walPosition(db: Client): Promise<string> {
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

export function describeWal(wal: WalFigures): string {
  return `${(wal.bytes / 1_048_576).toFixed(1)} MiB of PostgreSQL write-ahead log, ${wal.bytesPerEvent} bytes per event`;
}

/** One relation's share of a phase's write-ahead log. */
export interface WalRelationShare {
  /** Table or index; `table (TOAST)` for its out-of-line values; `(Transaction, no relation)` and the like. */
  relation: string;
  records: number;
  bytes: number;
  bytesPerEvent: number;
  /** Percent of the phase's log records' bytes. */
  percent: number;
}

/** Log records of a phase grouped by the first block they touch: database and file of it, or none. */
export interface WalRecordGroup {
  databaseOid: string | null;
  filenode: string | null;
  resourceManager: string;
  records: number;
  bytes: number;
}

/** A relation of the bench's database: its file, name, and for TOAST, whose it is. */
export interface WalRelation {
  filenode: string;
  name: string;
  /** For a TOAST table, the table it belongs to; for a TOAST table's index, that same table. */
  toastOf: string | null;
  isIndex: boolean;
}

/**
 * Names each group of log records after the relation it wrote: a TOAST table after its table (a large
 * value stored out of line is that table's cost), a record that touches no block after its kind
 * (commits, for instance), and a block of another database, or of a file no relation has any more, as
 * such. Sorted by bytes, largest first.
 */
export function walByRelation(
  groups: readonly WalRecordGroup[],
  relations: readonly WalRelation[],
  databaseOid: string,
  events: number,
): WalRelationShare[] {
  const names = new Map<string, string>();
  for (const relation of relations) {
    const name =
      relation.toastOf === null
        ? relation.name
        : `${relation.toastOf} (TOAST${relation.isIndex ? ' index' : ''})`;
    names.set(relation.filenode, name);
  }
  const totals = new Map<string, { records: number; bytes: number }>();
  let allBytes = 0;
  for (const group of groups) {
    let relation: string;
    if (group.filenode === null) {
      relation = `(${group.resourceManager}, no relation)`;
    } else if (group.databaseOid !== databaseOid && group.databaseOid !== '0') {
      relation = '(another database)';
    } else {
      relation = names.get(group.filenode) ?? `(file ${group.filenode}, no relation now)`;
    }
    const total = totals.get(relation) ?? { records: 0, bytes: 0 };
    total.records += group.records;
    total.bytes += group.bytes;
    totals.set(relation, total);
    allBytes += group.bytes;
  }
  return [...totals]
    .map(([relation, { records, bytes }]) => ({
      relation,
      records,
      bytes,
      bytesPerEvent: events > 0 ? Math.round(bytes / events) : Number.NaN,
      percent: allBytes > 0 ? Number(((100 * bytes) / allBytes).toFixed(1)) : Number.NaN,
    }))
    .sort((a, b) => b.bytes - a.bytes || a.relation.localeCompare(b.relation));
}

/** `consignment (TOAST) 1515 (34.8%), consignment 370 (8.5%), …`: the first `top`, bytes per event. */
export function describeWalByRelation(shares: readonly WalRelationShare[], top = 8): string {
  return shares
    .slice(0, top)
    .map((share) => `${share.relation} ${share.bytesPerEvent} (${share.percent}%)`)
    .join(', ');
}

const SLOT_PREFIX = 'chokepoint_bench_wal_';

/** How long byRelation waits for the server to flush the window's end (its WAL writer: 200 ms by default). */
const FLUSH_WAIT_MS = 10_000;

/**
 * A phase's write-ahead log: where it starts and ends, and the bytes in between per event. The log is
 * the whole server's: another database written meanwhile counts too (on the bench's machine nothing
 * else writes). Unlike CPU seconds, the figure does not move with a shared machine's speed (only a few
 * percent, with the full-page images after a checkpoint), so it shows what a change to the write path
 * did. Where the role may, the window also keeps the log for a breakdown by relation: a temporary
 * physical replication slot (PostgreSQL drops it when the session ends, should the bench not get to)
 * and pg_walinspect (PostgreSQL 15's contrib, created in the bench's scratch database); both need a
 * superuser, as the stack's PostgreSQL has, and elsewhere the bench says why not and goes on.
 */
export class WalWindow {
  private end: string | undefined;

  private constructor(
    private readonly db: Client,
    private readonly log: (line: string) => void,
    private readonly start: string,
    private slot: string | undefined,
  ) {}

  static async open(db: Client, run: string, log: (line: string) => void): Promise<WalWindow> {
    let slot: string | undefined = `${SLOT_PREFIX}${run.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
    try {
      await db.query(`CREATE EXTENSION IF NOT EXISTS pg_walinspect`);
      await db.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [slot]);
    } catch (error) {
      log(`write-ahead log by relation: not measured (${errorText(error)})`);
      slot = undefined;
    }
    return new WalWindow(db, log, await walPosition(db), slot);
  }

  /** Ends the window: the bytes since its start, per event, logged. */
  async close(events: number): Promise<WalFigures> {
    const end = await walPosition(this.db);
    this.end = end;
    const { rows } = await this.db.query<{ bytes: string }>(
      `SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::bigint::text AS bytes`,
      [end, this.start],
    );
    const wal = walFigures(Number(rows[0]?.bytes ?? Number.NaN), events);
    this.log(`throughput: ${describeWal(wal)}`);
    return wal;
  }

  /**
   * The closed window's log by relation, logged; undefined where it was not kept or could not be read
   * (the breakdown is a diagnosis, not a measure the bench stands on). The slot is dropped either way.
   * pg_walinspect decodes every record, seconds of a core: call it once the services are stopped.
   */
  async byRelation(events: number): Promise<WalRelationShare[] | undefined> {
    const { slot, end } = this;
    if (slot === undefined || end === undefined) {
      return undefined;
    }
    this.slot = undefined;
    try {
      const shares = await this.readByRelation(end, events);
      this.log(`throughput: write-ahead log by relation, bytes per event: ${describeWalByRelation(shares)}`);
      return shares;
    } catch (error) {
      this.log(`write-ahead log by relation: not measured (${errorText(error)})`);
      return undefined;
    } finally {
      await this.db.query(`SELECT pg_drop_replication_slot($1)`, [slot]).catch(() => undefined);
    }
  }

  private async readByRelation(end: string, events: number): Promise<WalRelationShare[]> {
    await this.flushedTo(end);
    const groups = await this.db.query<{
      database_oid: string | null;
      filenode: string | null;
      resource_manager: string;
      records: string;
      bytes: string;
    }>(
      `SELECT ref[1] AS database_oid, ref[2] AS filenode, resource_manager,
              count(*)::text AS records, sum(record_length)::text AS bytes
         FROM (SELECT regexp_match(block_ref, 'rel \\d+/(\\d+)/(\\d+)') AS ref, resource_manager, record_length
                 FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn)) AS r
        GROUP BY 1, 2, 3`,
      [this.start, end],
    );
    const relations = await this.db.query<{
      filenode: string;
      name: string;
      toast_of: string | null;
      is_index: boolean;
    }>(
      `SELECT pg_relation_filenode(c.oid)::text AS filenode, c.relname AS name,
              coalesce(owner.relname, index_owner.relname) AS toast_of, c.relkind = 'i' AS is_index
         FROM pg_class c
         LEFT JOIN pg_class owner ON owner.reltoastrelid = c.oid
         LEFT JOIN pg_index ix ON ix.indexrelid = c.oid
         LEFT JOIN pg_class index_owner ON index_owner.reltoastrelid = ix.indrelid
        WHERE pg_relation_filenode(c.oid) IS NOT NULL`,
    );
    const database = await this.db.query<{ oid: string }>(
      `SELECT oid::text FROM pg_database WHERE datname = current_database()`,
    );
    return walByRelation(
      groups.rows.map((row) => ({
        databaseOid: row.database_oid,
        filenode: row.filenode,
        resourceManager: row.resource_manager,
        records: Number(row.records),
        bytes: Number(row.bytes),
      })),
      relations.rows.map((row) => ({
        filenode: row.filenode,
        name: row.name,
        toastOf: row.toast_of,
        isIndex: row.is_index,
      })),
      database.rows[0]?.oid ?? '',
      events,
    );
  }

  /**
   * pg_walinspect reads only what is flushed, and the window's end is where the log was written to:
   * asynchronous commits and the WAL writer's delay can leave it unflushed for a moment, and reading at
   * once then failed ("cannot accept future end LSN").
   */
  private async flushedTo(end: string): Promise<void> {
    const deadline = Date.now() + FLUSH_WAIT_MS;
    for (;;) {
      const { rows } = await this.db.query<{ flushed: boolean }>(
        `SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS flushed`,
        [end],
      );
      if (rows[0]?.flushed === true) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`the write-ahead log was not flushed to ${end} within ${FLUSH_WAIT_MS} ms`);
      }
      await delay(20);
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

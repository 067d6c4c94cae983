import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, pooledExecutor, queryRunnerExecutor, type SqlExecutor } from '@chokepoint/persistence';
import {
  type SeenEventFingerprint,
  type SeenEventKey,
  type SeenEventKind,
  SeenEventStore,
} from './seen-event.store';

interface SeenEventRow {
  event_kind: SeenEventKind;
  originating_party: string;
  event_id: string;
  content_sha256: string;
}

// Arrays through unnest: one statement per chunk whatever its size. Probes the primary key per key
// under KEYED_SESSION_OPTIONS (test/integration/keyed-plans.int-spec.ts), where it hashed the table.
export const FIND_LATEST = `
  SELECT s.event_kind, s.originating_party, s.event_id, s.content_sha256
  FROM ingest_event_seen s
  JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(event_kind, originating_party, event_id)
    USING (event_kind, originating_party, event_id)`;

export const REMEMBER = `
  INSERT INTO ingest_event_seen (event_kind, originating_party, event_id, content_sha256)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
  ON CONFLICT (event_kind, originating_party, event_id)
  DO UPDATE SET content_sha256 = EXCLUDED.content_sha256, last_seen_at = now()`;

// Oldest first through ix_ingest_event_seen_last_seen_at, a bounded batch per statement.
export const FORGET = `
  WITH gone AS (
    DELETE FROM ingest_event_seen
    WHERE ctid = ANY (ARRAY(
      SELECT ctid FROM ingest_event_seen WHERE last_seen_at < $1 ORDER BY last_seen_at LIMIT $2))
    RETURNING 1)
  SELECT count(*)::int AS removed FROM gone`;

/** The seen-event table in PostgreSQL (migration 1764403300000). */
@Injectable()
export class SeenEventRepository extends SeenEventStore {
  /** A pooled connection per statement, as a named statement: parsed once per connection, not per chunk. */
  private readonly sql: SqlExecutor;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    super();
    this.sql = pooledExecutor(dataSource);
  }

  async findLatest(keys: readonly SeenEventKey[]): Promise<SeenEventFingerprint[]> {
    if (keys.length === 0) {
      return [];
    }
    const rows = await this.sql.query<SeenEventRow>(FIND_LATEST, [
      keys.map((key) => key.eventKind),
      keys.map((key) => key.originatingParty),
      keys.map((key) => key.eventId),
    ]);
    return rows.map((row) => ({
      eventKind: row.event_kind,
      originatingParty: row.originating_party,
      eventId: row.event_id,
      contentSha256: row.content_sha256,
    }));
  }

  async remember(fingerprints: readonly SeenEventFingerprint[]): Promise<void> {
    if (fingerprints.length === 0) {
      return;
    }
    await this.sql.query(REMEMBER, rememberParameters(fingerprints));
  }

  /**
   * The insert runs in a transaction beside the publishing, which it does not wait for: the chunk
   * waits for the longer of the two and a commit, where it waited for both one after the other (a chunk
   * of 500 before kafkajs's encoding was patched: publish about 19 ms, remember 12; since, publish about
   * 10). Rows being written by one chunk make another chunk's write of the same keys wait for its
   * commit, never its publishing: no cycle.
   */
  async rememberAlongside(
    fingerprints: readonly SeenEventFingerprint[],
    publish: () => Promise<void>,
  ): Promise<void> {
    if (fingerprints.length === 0) {
      await publish();
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const writing = queryRunnerExecutor(runner).query(REMEMBER, rememberParameters(fingerprints));
      // Both settled before deciding: neither failure goes unobserved while the other runs.
      const [published, written] = await Promise.allSettled([publish(), writing]);
      if (published.status === 'rejected') {
        throw published.reason;
      }
      if (written.status === 'rejected') {
        throw written.reason;
      }
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) {
        // A rollback that fails has lost its connection, and PostgreSQL ends the transaction itself.
        await runner.rollbackTransaction().catch(() => undefined);
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  async forgetOlderThan(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.sql.query<{ removed: number }>(FORGET, [cutoff.toISOString(), limit]);
    return rows[0]?.removed ?? 0;
  }
}

function rememberParameters(fingerprints: readonly SeenEventFingerprint[]): string[][] {
  return [
    fingerprints.map((fingerprint) => fingerprint.eventKind),
    fingerprints.map((fingerprint) => fingerprint.originatingParty),
    fingerprints.map((fingerprint) => fingerprint.eventId),
    fingerprints.map((fingerprint) => fingerprint.contentSha256),
  ];
}

import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface PartitionPosition {
  topic: string;
  partition: number;
  /** Offset of the last record applied. */
  offset: string;
}

/** event_key of a partition's row: `topic:partition`. */
export function partitionKey(position: { topic: string; partition: number }): string {
  return `${position.topic}:${position.partition}`;
}

/**
 * The consumer side of exactly-once, as one row per source partition in processed_event (event_key
 * `topic:partition`, source_offset the last record applied), advanced in the transaction that applied
 * the records. A partition's records are applied in order, so "offset at or below the mark" is exactly
 * "already applied": a redelivered record changes nothing, and the table does not grow with traffic.
 * A recreated source topic restarts its offsets: clear its rows (or use a new topic name) first.
 */
export class ProcessedEventRepository {
  /**
   * Locks each partition's row (creating it at -1 when new) and returns its mark, in one statement.
   * The lock fences a consumer that lost the partition in a rebalance but is still finishing a chunk:
   * the new owner waits for it here, then reads the mark it left.
   */
  async lockMarks(
    sql: SqlExecutor,
    consumer: string,
    partitions: readonly { topic: string; partition: number }[],
  ): Promise<Map<string, bigint>> {
    if (partitions.length === 0) {
      return new Map();
    }
    const sorted = [...partitions].sort((a, b) => partitionKey(a).localeCompare(partitionKey(b)));
    const rows = await sql.query<{ event_key: string; source_offset: string }>(
      `INSERT INTO processed_event (consumer, event_key, source_topic, source_partition, source_offset)
       SELECT $1, k, t, p, -1 FROM unnest($2::text[], $3::text[], $4::integer[]) AS u(k, t, p)
       ON CONFLICT (consumer, event_key) DO UPDATE SET processed_at = processed_event.processed_at
       RETURNING event_key, source_offset::text AS source_offset`,
      [consumer, sorted.map(partitionKey), sorted.map((p) => p.topic), sorted.map((p) => p.partition)],
    );
    return new Map(rows.map((row) => [row.event_key, BigInt(row.source_offset)]));
  }

  /** Moves each partition's mark forward (never back). */
  advance(batch: WriteBatch, consumer: string, positions: readonly PartitionPosition[]): void {
    if (positions.length === 0) {
      return;
    }
    batch.add(
      'advanced_marks',
      `INSERT INTO processed_event (consumer, event_key, source_topic, source_partition, source_offset)
       SELECT ${batch.param(consumer)}, * FROM unnest(${batch.param(positions.map(partitionKey))}::text[],
              ${batch.param(positions.map((p) => p.topic))}::text[], ${batch.param(positions.map((p) => p.partition))}::integer[],
              ${batch.param(positions.map((p) => p.offset))}::bigint[])
       ON CONFLICT (consumer, event_key) DO UPDATE SET
         source_offset = GREATEST(processed_event.source_offset, EXCLUDED.source_offset),
         processed_at = now()`,
    );
  }
}

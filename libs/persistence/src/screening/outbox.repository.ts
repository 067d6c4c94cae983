import type { SqlExecutor } from './sql-executor';
import type { WriteBatch } from './write-batch';

export interface OutboxMessage {
  /** Null for a dead letter. */
  consignmentId: string | null;
  topic: string;
  key: string | null;
  /** The exact bytes to publish (JSON text). */
  payload: string;
  headers: Record<string, string>;
}

export interface PendingOutboxMessage extends OutboxMessage {
  id: string;
  createdAt: Date;
}

export interface RelayState {
  origin: string;
  inFlightIds: string[];
}

/** Channel the relay LISTENs on; a commit that wrote outbox rows NOTIFYs it. */
export const OUTBOX_CHANNEL = 'chokepoint_screening_outbox';

export class OutboxRepository {
  /** Writes messages in order and wakes the relay once the transaction commits. */
  enqueue(batch: WriteBatch, messages: readonly OutboxMessage[]): void {
    if (messages.length === 0) {
      return;
    }
    // One JSON parameter: pg would quote and escape every payload into a text[] literal, which cost
    // more than the screening of the events behind them.
    const rows = messages.map((m) => ({
      consignment_id: m.consignmentId,
      topic: m.topic,
      message_key: m.key,
      payload: m.payload,
      headers: m.headers,
    }));
    const part = batch.add(
      'enqueued_messages',
      `INSERT INTO outbox (consignment_id, topic, message_key, payload, headers)
       SELECT m.consignment_id, m.topic, m.message_key, m.payload::json, m.headers
         FROM ROWS FROM (json_to_recordset(${batch.param(JSON.stringify(rows))}::json)
                AS (consignment_id text, topic text, message_key text, payload text, headers jsonb))
              WITH ORDINALITY AS m(consignment_id, topic, message_key, payload, headers, ord)
        ORDER BY m.ord
       RETURNING id`,
    );
    batch.notify(OUTBOX_CHANNEL, part);
  }

  /**
   * The oldest unpublished messages, in id order, noted as in flight in the same statement: after a
   * crash the next relay knows which of them may already be on the topic.
   */
  async takeBatch(sql: SqlExecutor, relay: string, limit: number): Promise<PendingOutboxMessage[]> {
    return sql.query<PendingOutboxMessage>(
      `WITH batch AS (
         SELECT id, consignment_id, topic, message_key, payload::text AS payload, headers, created_at
           FROM outbox ORDER BY id LIMIT $2
       ), noted AS (
         UPDATE outbox_relay_state
            SET in_flight_ids = (SELECT array_agg(id ORDER BY id) FROM batch), updated_at = now()
          WHERE relay = $1 AND EXISTS (SELECT 1 FROM batch)
       )
       SELECT id::text AS id, consignment_id AS "consignmentId", topic, message_key AS key, payload, headers,
              created_at AS "createdAt"
         FROM batch ORDER BY batch.id`,
      [relay, limit],
    );
  }

  /**
   * Deletes messages Kafka has acknowledged and clears the in-flight note. A delete rather than a mark:
   * marking rewrote the whole row (see migration 1764403900000).
   */
  async removePublished(sql: SqlExecutor, relay: string, ids: readonly string[]): Promise<void> {
    await sql.query(
      `WITH published AS (
         DELETE FROM outbox WHERE id = ANY($2::bigint[])
       )
       UPDATE outbox_relay_state SET in_flight_ids = '{}', updated_at = now() WHERE relay = $1`,
      [relay, ids],
    );
  }

  async relayState(sql: SqlExecutor, relay: string): Promise<RelayState> {
    const rows = await sql.query<{ origin: string; inFlightIds: string[] }>(
      `SELECT origin::text AS origin, in_flight_ids::text[] AS "inFlightIds" FROM outbox_relay_state WHERE relay = $1`,
      [relay],
    );
    const row = rows[0];
    if (!row) {
      throw new Error(`outbox_relay_state has no row for relay ${relay}; run the migrations`);
    }
    return row;
  }

  /** Of these ids, the ones not yet published (still in the outbox), with their topics. */
  async unpublishedAmong(sql: SqlExecutor, ids: readonly string[]): Promise<{ id: string; topic: string }[]> {
    if (ids.length === 0) {
      return [];
    }
    return sql.query<{ id: string; topic: string }>(
      `SELECT id::text AS id, topic FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY outbox.id`,
      [ids],
    );
  }

  async backlog(sql: SqlExecutor): Promise<number> {
    const rows = await sql.query<{ count: string }>(`SELECT count(*)::text AS count FROM outbox`);
    return Number(rows[0]?.count ?? 0);
  }
}

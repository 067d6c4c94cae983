import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import { createIdempotentProducer, ensureTopics } from '@chokepoint/kafka';
import { OutboxRepository, WriteBatch } from '@chokepoint/persistence';
import { pollUntil, TopicCollector } from '@chokepoint/testing';
import { ScreeningEnvironment } from '../../apps/screening/src/config/screening.environment';
import type { ScreeningMetrics } from '../../apps/screening/src/metrics/screening.metrics';
import { OutboxRelayService } from '../../apps/screening/src/outbox/outbox-relay.service';
import { OUTBOX_HEADERS } from '../../apps/screening/src/outbox/outbox-tail.reader';
import { createScratchDatabase, dropScratchDatabase, runToken } from './screening-harness';

/**
 * The outbox relay on the real broker and a database of its own: one active relay among several,
 * id order per key, takeover by a standby, and no second copy of what a crashed relay had already
 * handed to Kafka before it could mark it published.
 */
describe('screening outbox relay on the real broker and database', () => {
  const settings = stackSettings();
  const run = runToken();
  const databaseName = `chokepoint_it_relay_${run.toLowerCase()}`;
  const topic = `it.screening-relay.${run}.decisions`;
  const kafka = new Kafka({ clientId: 'it-relay', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const metrics = { publishedMessages: () => undefined } as unknown as ScreeningMetrics;
  let databaseUrl: string;
  let db: Client;
  let producer: Producer;
  let collector: TopicCollector;
  const relays: OutboxRelayService[] = [];

  function startRelay(): OutboxRelayService {
    const env = Object.assign(new ScreeningEnvironment(), {
      DATABASE_URL: databaseUrl,
      OUTBOX_BATCH_SIZE: 3,
      OUTBOX_IDLE_POLL_MS: 50,
      OUTBOX_STANDBY_RETRY_MS: 100,
    });
    const relay = new OutboxRelayService(kafka, producer, new OutboxRepository(), metrics, env);
    relay.onApplicationBootstrap();
    relays.push(relay);
    return relay;
  }

  async function enqueue(keys: readonly string[]): Promise<string[]> {
    const sql = {
      query: async <Row>(text: string, parameters: readonly unknown[] = []): Promise<Row[]> =>
        (await db.query(text, [...parameters])).rows as Row[],
    };
    const batch = new WriteBatch();
    new OutboxRepository().enqueue(
      batch,
      keys.map((key, index) => ({
        consignmentId: key,
        topic,
        key,
        payload: JSON.stringify({ consignmentId: key, n: index }),
        headers: { 'content-type': 'application/json' },
      })),
    );
    await batch.execute(sql);
    const { rows } = await db.query<{ id: string }>(
      `SELECT id::text AS id FROM outbox ORDER BY outbox.id DESC LIMIT $1`,
      [keys.length],
    );
    return rows.map((row) => row.id).reverse();
  }

  function publishedIds(): string[] {
    return collector.messages.map((message) => message.headers?.[OUTBOX_HEADERS.id]?.toString() ?? '?');
  }

  /** Session-level advisory locks in this run's database: only relays take them. */
  async function relayLocksHeld(): Promise<number> {
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return Number(rows[0]?.count);
  }

  async function unpublished(): Promise<number> {
    const { rows } = await db.query<{ count: string }>(`SELECT count(*) FROM outbox`);
    return Number(rows[0]?.count);
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    databaseUrl = await createScratchDatabase(settings.databaseUrl, databaseName);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic], 3);
    await admin.disconnect();
    producer = createIdempotentProducer(kafka);
    await producer.connect();
    collector = await new TopicCollector(kafka, topic).start();
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.beforeApplicationShutdown()));
    await collector?.stop();
    await producer?.disconnect();
    await db?.end();
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  it('does not publish again what a crashed relay had already sent before marking it', async () => {
    const ids = await enqueue(['C1', 'C2', 'C1', 'C3', 'C1']);
    const { rows } = await db.query<{ origin: string }>(`SELECT origin::text FROM outbox_relay_state`);
    const origin = rows[0]?.origin ?? '';
    // The crashed relay noted all five in flight and got the first three onto the topic.
    await db.query(`UPDATE outbox_relay_state SET in_flight_ids = $1::bigint[]`, [ids]);
    const payloads = await db.query<{ id: string; key: string; payload: string }>(
      `SELECT id::text, message_key AS key, payload::text FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY outbox.id LIMIT 3`,
      [ids],
    );
    await producer.send({
      topic,
      messages: payloads.rows.map((row) => ({
        key: row.key,
        value: row.payload,
        headers: { [OUTBOX_HEADERS.id]: row.id, [OUTBOX_HEADERS.origin]: origin },
      })),
    });

    startRelay();
    await pollUntil(unpublished, (count) => count === 0, { description: 'outbox drained' });
    await pollUntil(publishedIds, (found) => found.length >= 5, {
      description: 'five messages on the topic',
    });

    expect([...publishedIds()].sort()).toEqual([...ids].sort());
    const state = await db.query<{ ids: string[] }>(
      `SELECT in_flight_ids::text[] AS ids FROM outbox_relay_state`,
    );
    expect(state.rows[0]?.ids).toEqual([]);
  });

  it('relays through one instance at a time, in id order per key, and a standby takes over', async () => {
    startRelay();
    const first = relays[0];
    const before = publishedIds().length;
    const ids = await enqueue(['K1', 'K2', 'K1', 'K1', 'K2', 'K3', 'K1']);
    await pollUntil(publishedIds, (found) => found.length >= before + ids.length, {
      description: 'batch relayed',
    });
    expect(await relayLocksHeld()).toBe(1);

    await first?.beforeApplicationShutdown();
    const more = await enqueue(['K1', 'K2']);
    await pollUntil(publishedIds, (found) => found.length >= before + ids.length + more.length, {
      description: 'standby took over',
    });
    await pollUntil(unpublished, (count) => count === 0, { description: 'outbox drained' });

    const mine = collector.messages.slice(before);
    expect(mine.map((m) => m.headers?.[OUTBOX_HEADERS.id]?.toString()).sort()).toEqual(
      [...ids, ...more].sort(),
    );
    for (const key of ['K1', 'K2']) {
      const order = mine
        .filter((m) => m.key?.toString() === key)
        .map((m) => Number(m.headers?.[OUTBOX_HEADERS.id]?.toString()));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(await relayLocksHeld()).toBe(1);
  });
});

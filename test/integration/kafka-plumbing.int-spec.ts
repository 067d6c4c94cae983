import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { stackSettings } from '@chokepoint/config';
import type { RejectionRecord } from '@chokepoint/contracts';
import {
  BatchConsumer,
  type BatchHandler,
  createIdempotentProducer,
  ensureTopics,
  type InboundRecord,
  type RecordOutcome,
} from '@chokepoint/kafka';
import { createDataSource, ProcessedEventEntity } from '@chokepoint/persistence';
import { pollUntil, TopicCollector } from '@chokepoint/testing';

/**
 * The plumbing every service stands on, on the real broker and database: batches are processed,
 * their effects land in a migration-created table, undecodable records reach the dead-letter topic
 * with reasons, and a transient failure is retried without losing or repeating work.
 */
describe('BatchConsumer on the real broker and database', () => {
  const settings = stackSettings();
  const kafka = new Kafka({ clientId: 'it-plumbing', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const runId = randomUUID().slice(0, 8);
  const inputTopic = `it.plumbing.input.${runId}`;
  const deadLetterTopic = `it.plumbing.dlq.${runId}`;
  let producer: Producer;
  let dataSource: DataSource;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [inputTopic, deadLetterTopic], 3);
    await admin.disconnect();
    producer = createIdempotentProducer(kafka);
    await producer.connect();
    dataSource = await createDataSource({ url: settings.databaseUrl, poolSize: 4 }).initialize();
  });

  afterAll(async () => {
    await producer.disconnect();
    await dataSource.destroy();
  });

  /** Stores {"id": "..."} records as processed events in one transaction per chunk; anything else is rejected. */
  class RecordingHandler implements BatchHandler {
    calls = 0;
    failuresToInject = 0;

    constructor(private readonly consumerName: string) {}

    async handleBatch(records: InboundRecord[]): Promise<RecordOutcome[]> {
      this.calls += 1;
      if (this.failuresToInject > 0) {
        this.failuresToInject -= 1;
        throw new Error('injected transient failure');
      }
      const outcomes: RecordOutcome[] = [];
      await dataSource.transaction(async (manager) => {
        for (const record of records) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(record.value?.toString('utf8') ?? '');
          } catch {
            outcomes.push({
              kind: 'rejected',
              errors: [{ path: '', code: 'record.not_json', message: 'value is not JSON' }],
            });
            continue;
          }
          const id =
            typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined;
          if (typeof id !== 'string') {
            outcomes.push({
              kind: 'rejected',
              errors: [{ path: 'id', code: 'field.required', message: 'id is required' }],
            });
            continue;
          }
          await manager
            .createQueryBuilder()
            .insert()
            .into(ProcessedEventEntity)
            .values({
              consumer: this.consumerName,
              eventKey: id,
              sourceTopic: record.topic,
              sourcePartition: record.partition,
              sourceOffset: record.offset,
            })
            .orIgnore()
            .execute();
          outcomes.push({ kind: 'done' });
        }
      });
      return outcomes;
    }
  }

  async function processedIds(consumerName: string): Promise<string[]> {
    const rows = await dataSource
      .getRepository(ProcessedEventEntity)
      .find({ where: { consumer: consumerName } });
    return rows.map((row) => row.eventKey).sort();
  }

  function consumerFor(handler: BatchHandler, groupId: string): BatchConsumer {
    return new BatchConsumer(kafka, producer, handler, {
      groupId,
      topics: [inputTopic],
      chunkSize: 50,
      deadLetterTopic,
    });
  }

  it('processes valid records into PostgreSQL and dead-letters the rest with reasons', async () => {
    const consumerName = `it-${runId}-a`;
    const good = Array.from({ length: 120 }, (_, index) => ({
      key: `k${index % 7}`,
      value: JSON.stringify({ id: `evt-${index}` }),
    }));
    const bad = [
      { key: 'k1', value: '{not json', headers: { 'content-type': 'application/json' } },
      { key: 'k2', value: JSON.stringify({ name: 'no id' }) },
      { key: 'k3', value: Buffer.from([0xff, 0xfe, 0x00, 0x01]) },
    ];
    await producer.send({ topic: inputTopic, messages: [...good.slice(0, 60), ...bad, ...good.slice(60)] });

    const handler = new RecordingHandler(consumerName);
    const consumer = consumerFor(handler, `it-group-${runId}-a`);
    const deadLetters = await new TopicCollector(kafka, deadLetterTopic).start();
    await consumer.start();
    try {
      const ids = await pollUntil(
        () => processedIds(consumerName),
        (found) => found.length === 120,
        { description: '120 processed events' },
      );
      expect(ids).toEqual(good.map((record) => (JSON.parse(record.value) as { id: string }).id).sort());

      const rejections = await pollUntil(
        () => deadLetters.json<RejectionRecord>(),
        (found) => found.length === 3,
        {
          description: '3 dead letters',
        },
      );
      const byKey = new Map(rejections.map((rejection) => [rejection.key, rejection]));
      expect(byKey.get('k1')?.errors.map((error) => error.code)).toEqual(['record.not_json']);
      expect(byKey.get('k1')?.headers['content-type']).toBe(
        Buffer.from('application/json').toString('base64'),
      );
      expect(byKey.get('k2')?.errors).toEqual([
        { path: 'id', code: 'field.required', message: 'id is required' },
      ]);
      expect(Buffer.from(byKey.get('k3')?.value ?? '', 'base64')).toEqual(
        Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      );
      for (const rejection of rejections) {
        expect(rejection.sourceTopic).toBe(inputTopic);
        expect(Number(rejection.offset)).toBeGreaterThanOrEqual(0);
        expect(Date.parse(rejection.rejectedAt)).not.toBeNaN();
      }
    } finally {
      await consumer.stop();
      await deadLetters.stop();
    }

    // Offsets were committed: a new consumer in the same group sees only what comes next.
    const next = new RecordingHandler(consumerName);
    const restarted = consumerFor(next, `it-group-${runId}-a`);
    await restarted.start();
    try {
      await producer.send({
        topic: inputTopic,
        messages: [{ key: 'k0', value: JSON.stringify({ id: 'evt-after-restart' }) }],
      });
      await pollUntil(
        () => processedIds(consumerName),
        (found) => found.includes('evt-after-restart'),
        { description: 'record after restart' },
      );
      expect(next.calls).toBe(1);
    } finally {
      await restarted.stop();
    }
  });

  it('retries a chunk after a transient failure without losing or repeating work', async () => {
    const consumerName = `it-${runId}-b`;
    const handler = new RecordingHandler(consumerName);
    handler.failuresToInject = 2;
    const consumer = consumerFor(handler, `it-group-${runId}-b`);
    await consumer.start();
    try {
      const ids = await pollUntil(
        () => processedIds(consumerName),
        (found) => found.length === 121,
        {
          description: 'all events after retries',
        },
      );
      // Every valid record of the topic so far (120, then one after the restart), once: the failures delayed work but lost none.
      expect(ids).toEqual(await processedIds(`it-${runId}-a`));
      expect(handler.calls).toBeGreaterThan(2);
    } finally {
      await consumer.stop();
    }
  });
});

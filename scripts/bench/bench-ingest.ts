// Records per second through ingest (decode + validate + deduplicate + publish) against a bare kafkajs
// consume-and-produce passthrough, in the same run, on the real broker and database. Both read the same
// pre-produced records from fresh topics with the same chunk size and concurrency and produce with the
// same idempotent, acks=all producer. Figures on a shared 2-core machine are noisy: compare runs, not digits.
// Usage: npm run bench:ingest -- [--records 50000] [--partitions 6] [--chunk 500] [--concurrency 3]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Admin, Kafka, logLevel, type Message } from 'kafkajs';
import { Registry } from 'prom-client';
import { stackSettings } from '@chokepoint/config';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { createDataSource, runMigrations } from '@chokepoint/persistence';
import { createIdempotentProducer, ensureTopics } from '@chokepoint/kafka';
import { IngestModule } from '../../apps/ingest/src/ingest.module';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '50000' },
    partitions: { type: 'string', default: '6' },
    chunk: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '3' },
  },
});
const recordCount = Number(values.records);
const partitions = Number(values.partitions);
const chunkSize = Number(values.chunk);
const concurrency = Number(values.concurrency);

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const settings = stackSettings();
const tag = randomUUID().slice(0, 6);
const topics = {
  manifests: `bench.ingest.${tag}.manifests`,
  movements: `bench.ingest.${tag}.movements`,
  canonical: `bench.ingest.${tag}.canonical`,
  deadLetter: `bench.ingest.${tag}.dlq`,
  passthrough: `bench.ingest.${tag}.passthrough`,
};
const kafka = new Kafka({ clientId: 'bench-ingest', brokers: settings.brokers, logLevel: logLevel.ERROR });

interface BenchRecord {
  topic: string;
  message: Message;
}

/** Golden DCSA messages (eBL 3.0 documents, TNT 2.2 / 3.0 / 3.0-Beta-1 events), one per record. */
function goldenMessages(): Array<{ manifest: boolean; text: string }> {
  const dir = join(__dirname, '../../libs/ingest-decoding/test/golden');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.input.json'))
    .sort()
    .flatMap((name) => {
      const input: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      return (Array.isArray(input) ? input : [input]).map((message) => ({
        manifest: !name.startsWith('tnt-'),
        text: JSON.stringify(message),
      }));
    });
}

/** N records cycling through the golden messages, each with its own references so none is a duplicate. */
function buildRecords(): BenchRecord[] {
  const golden = goldenMessages();
  const records: BenchRecord[] = [];
  for (let i = 0; i < recordCount; i++) {
    const source = golden[i % golden.length];
    if (!source) {
      throw new Error('no golden inputs');
    }
    if (source.manifest) {
      const reference = `B${tag}${i}`;
      const document = { ...(JSON.parse(source.text) as object), transportDocumentReference: reference };
      records.push({
        topic: topics.manifests,
        message: { key: reference, value: Buffer.from(JSON.stringify(document)) },
      });
    } else {
      const text = source.text.replace(
        /"(eventID|retractedEventID)":"([^"]+)"/g,
        (_match, field: string, id: string) => `"${field}":"${tag}-${i}-${id}"`,
      );
      records.push({
        topic: topics.movements,
        message: { key: `${tag}-container-${i % 5000}`, value: Buffer.from(text) },
      });
    }
  }
  return records;
}

async function preProduce(records: readonly BenchRecord[]): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  for (const topic of [topics.manifests, topics.movements]) {
    const messages = records.filter((record) => record.topic === topic).map((record) => record.message);
    for (let start = 0; start < messages.length; start += 2000) {
      await producer.send({ topic, messages: messages.slice(start, start + 2000), acks: -1 });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  return seconds;
}

interface Measurement {
  name: string;
  records: number;
  /** From the first record handled to the last: the steady rate, without the group join. */
  seconds: number;
}

/** Bare kafkajs: consume, produce each chunk as it came, commit; no decoding, no database. */
async function runPassthrough(): Promise<Measurement> {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const consumer = kafka.consumer({
    groupId: `bench-passthrough-${tag}`,
    maxBytesPerPartition: 2 * 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topics.manifests, topics.movements], fromBeginning: true });
  let handled = 0;
  let first = 0;
  let last = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: concurrency,
    eachBatch: async (payload) => {
      const { batch } = payload;
      first ||= performance.now();
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        const chunk = batch.messages.slice(start, start + chunkSize);
        await producer.send({
          topic: topics.passthrough,
          acks: -1,
          messages: chunk.map((message) => ({
            key: message.key,
            value: message.value,
            headers: message.headers,
          })),
        });
        const lastOffset = chunk[chunk.length - 1]?.offset ?? '0';
        payload.resolveOffset(lastOffset);
        await consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: String(BigInt(lastOffset) + 1n) },
        ]);
        await payload.heartbeat();
        handled += chunk.length;
      }
      if (handled >= recordCount) {
        last = performance.now();
        finish();
      }
    },
  });
  await finished;
  await consumer.disconnect();
  await producer.disconnect();
  return { name: 'kafkajs passthrough', records: handled, seconds: (last - first) / 1000 };
}

async function metricTotal(registry: Registry, name: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
}

/** The ingest service in-process on the bench topics, timed through its own metrics. */
async function runIngest(): Promise<Measurement & { events: number; rejected: number; duplicates: number }> {
  Object.assign(process.env, {
    KAFKA_BROKERS: settings.brokers.join(','),
    DATABASE_URL: settings.databaseUrl,
    KAFKA_TOPIC_PARTITIONS: String(partitions),
    INGEST_MANIFESTS_TOPIC: topics.manifests,
    INGEST_MOVEMENTS_TOPIC: topics.movements,
    INGEST_OUTPUT_TOPIC: topics.canonical,
    INGEST_DEAD_LETTER_TOPIC: topics.deadLetter,
    INGEST_CONSUMER_GROUP: `bench-ingest-${tag}`,
    INGEST_CHUNK_SIZE: String(chunkSize),
    INGEST_PARTITIONS_CONCURRENTLY: String(concurrency),
  });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(IngestModule, {
    logger: ['error', 'warn'],
  });
  const registry = app.get<Registry>(Registry);
  let first = 0;
  let consumed = 0;
  while (consumed < recordCount) {
    consumed = await metricTotal(registry, 'chokepoint_ingest_records_consumed_total');
    if (consumed > 0 && first === 0) {
      first = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const last = performance.now();
  const result = {
    name: 'ingest pipeline',
    records: consumed,
    seconds: (last - first) / 1000,
    events: await metricTotal(registry, 'chokepoint_ingest_canonical_events_total'),
    rejected: await metricTotal(registry, 'chokepoint_ingest_rejections_total'),
    duplicates: await metricTotal(registry, 'chokepoint_ingest_duplicates_dropped_total'),
  };
  await app.close();
  return result;
}

async function cleanUp(admin: Admin): Promise<void> {
  await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
  const dataSource = await createDataSource({ url: settings.databaseUrl, poolSize: 1 }).initialize();
  await dataSource.query(`DELETE FROM ingest_event_seen WHERE event_id LIKE $1 OR event_id LIKE $2`, [
    `B${tag}%`,
    `${tag}-%`,
  ]);
  await dataSource.destroy();
}

/** decodeRecord alone on one thread over a sample of the same records: the ceiling for one ingest process. */
function runDecodeOnly(records: readonly BenchRecord[]): Measurement {
  const sample = records.slice(0, Math.min(records.length, 5000));
  const options = { manifestsTopic: topics.manifests, movementsTopic: topics.movements };
  const decodeAll = (): void => {
    for (const record of sample) {
      decodeRecord(
        { topic: record.topic, value: record.message.value as Buffer, timestamp: '2026-03-04T10:00:00Z' },
        options,
      );
    }
  };
  decodeAll();
  const started = performance.now();
  decodeAll();
  return {
    name: 'decode only, no I/O',
    records: sample.length,
    seconds: (performance.now() - started) / 1000,
  };
}

const rate = (m: Measurement): number => m.records / m.seconds;

async function main(): Promise<void> {
  await runMigrations(settings.databaseUrl);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), partitions);
  try {
    const records = buildRecords();
    const bytes = records.reduce((sum, record) => sum + (record.message.value?.length ?? 0), 0);
    const manifests = records.filter((record) => record.topic === topics.manifests).length;
    const produceSeconds = await preProduce(records);
    process.stderr.write(
      `pre-produced ${records.length} records (${manifests} manifests, ${records.length - manifests} movements, ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MiB) in ${produceSeconds.toFixed(1)} s to ${partitions} partitions per topic\n` +
        `chunk ${chunkSize}, partitions consumed concurrently ${concurrency}\n`,
    );
    const passthrough = await runPassthrough();
    const ingest = await runIngest();
    process.stderr.write(
      `ingest published ${ingest.events} canonical events, ${ingest.rejected} rejections, ` +
        `${ingest.duplicates} duplicates dropped\n\n`,
    );
    process.stdout.write(
      `${'mode'.padEnd(22)}${'records'.padStart(9)}${'seconds'.padStart(9)}${'records/s'.padStart(11)}\n`,
    );
    for (const row of [passthrough, ingest, runDecodeOnly(records)]) {
      process.stdout.write(
        `${row.name.padEnd(22)}${String(row.records).padStart(9)}${row.seconds.toFixed(2).padStart(9)}${Math.round(rate(row)).toString().padStart(11)}\n`,
      );
    }
    process.stdout.write(
      `ingest / passthrough: ${((100 * rate(ingest)) / rate(passthrough)).toFixed(1)} % (target 50 %)\n`,
    );
  } finally {
    await cleanUp(admin);
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench-ingest: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

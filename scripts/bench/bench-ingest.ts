// Records per second through ingest (decode + validate + deduplicate + publish) against a bare kafkajs
// consume-and-produce passthrough, in the same run, on the real broker and database. Both read the same
// pre-produced records from fresh topics with the same partitions, chunk size, concurrency, consumer
// settings (those of BatchConsumer) and idempotent acks=all producer, and both are timed from the first
// record handed over to the last chunk durable. Each round uses fresh topics and alternates which mode
// goes first. Columns: wall-clock rate; CPU seconds of this process (all threads, so ingest's decode
// workers count) and of its main thread; records per CPU second; how busy the whole machine was (other
// processes included). Figures on a shared 2-core machine are noisy: compare runs, not digits.
// --compare NAME=VALUE[,NAME=VALUE]: each round runs ingest a second time with those settings (names of
// the ingest service's environment, such as INGEST_CHUNKS_IN_FLIGHT=4), the three runs in rotating order,
// and the summary sets the two ingest runs side by side: on a shared machine whose speed moves by a
// quarter between runs, runs seconds apart compare better than runs minutes apart.
// Usage: npm run bench:ingest -- [--records 50000] [--partitions 6] [--chunk 500] [--concurrency 3]
//        [--rounds 1] [--workers N (ingest's INGEST_DECODE_WORKERS)] [--only passthrough|ingest]
//        [--compare NAME=VALUE[,NAME=VALUE]]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Admin, Kafka, logLevel, type Message } from 'kafkajs';
import { Registry } from 'prom-client';
import { KAFKA_FETCH_DEFAULTS, stackSettings } from '@chokepoint/config';
import { decodeRecord } from '@chokepoint/ingest-decoding';
import { createDataSource, runMigrations } from '@chokepoint/persistence';
import {
  createIdempotentProducer,
  ensureTopics,
  type InboundRecord,
  sendSizeBounded,
} from '@chokepoint/kafka';
import { IngestEnvironment } from '../../apps/ingest/src/config/ingest.environment';
import { describeComparedSettings, median, parseComparedSettings } from './compared-settings';
import { brokerUptimeSeconds, brokerWarmUpNote } from './broker-age';
import { describeIngestSteps } from './pipeline-services';
import { IngestPortMessagesUseCase } from '../../apps/ingest/src/port-messages/ingest-port-messages.usecase';
import { exitOnUsage, runMain, scriptOptions, stackUpOrExit, wholeNumberOption } from '../script-cli';

const SCRIPT = 'bench-ingest';
const USAGE =
  'usage: npm run bench:ingest -- [--records 50000] [--partitions 6] [--chunk 500] [--concurrency 3]\n' +
  '         [--rounds 1] [--workers N] [--only passthrough|ingest] [--compare NAME=VALUE[,NAME=VALUE]]\n' +
  '(what each does: the header of scripts/bench/bench-ingest.ts, and the README)';
const values = scriptOptions(SCRIPT, USAGE, {
  records: { type: 'string', default: '50000' },
  partitions: { type: 'string', default: '6' },
  chunk: { type: 'string', default: '500' },
  concurrency: { type: 'string', default: '3' },
  rounds: { type: 'string', default: '1' },
  workers: { type: 'string' },
  only: { type: 'string' },
  compare: { type: 'string' },
});
const recordCount = wholeNumberOption(SCRIPT, 'records', values.records, 1);
const partitions = wholeNumberOption(SCRIPT, 'partitions', values.partitions, 1);
const chunkSize = wholeNumberOption(SCRIPT, 'chunk', values.chunk, 1);
const concurrency = wholeNumberOption(SCRIPT, 'concurrency', values.concurrency, 1);
const rounds = wholeNumberOption(SCRIPT, 'rounds', values.rounds, 1);
// Decode worker threads of ingest: the service's default (INGEST_DECODE_WORKERS) unless given.
const workers =
  values.workers === undefined
    ? process.env.INGEST_DECODE_WORKERS
    : String(wholeNumberOption(SCRIPT, 'workers', values.workers, 0));
const only = values.only;
if (only !== undefined && only !== 'passthrough' && only !== 'ingest') {
  exitOnUsage(SCRIPT, `--only must be passthrough or ingest, not ${only}`);
}

/** Settings that point ingest at the bench's broker, database, topics and group: not for comparing. */
const WIRING = new Set([
  'KAFKA_BROKERS',
  'DATABASE_URL',
  'INGEST_MANIFESTS_TOPIC',
  'INGEST_MOVEMENTS_TOPIC',
  'INGEST_OUTPUT_TOPIC',
  'INGEST_DEAD_LETTER_TOPIC',
  'INGEST_CONSUMER_GROUP',
]);
/** A compared value wins over the bench's own (INGEST_CHUNK_SIZE from --chunk, say) in the compared run. */
const compared = values.compare === undefined ? undefined : comparedSettings(values.compare);
if (compared !== undefined && only !== undefined) {
  exitOnUsage(SCRIPT, '--compare runs ingest twice next to the passthrough; it does not go with --only');
}

function comparedSettings(text: string): Record<string, string> {
  const parsed = parseComparedSettings(text, [IngestEnvironment], WIRING);
  if (!parsed.ok) {
    exitOnUsage(SCRIPT, parsed.problem);
  }
  return parsed.settings;
}

stackUpOrExit(SCRIPT);
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const settings = stackSettings();
const kafka = new Kafka({ clientId: 'bench-ingest', brokers: settings.brokers, logLevel: logLevel.ERROR });

type Topics = ReturnType<typeof benchTopics>;

function benchTopics(tag: string) {
  return {
    manifests: `bench.ingest.${tag}.manifests`,
    movements: `bench.ingest.${tag}.movements`,
    canonical: `bench.ingest.${tag}.canonical`,
    deadLetter: `bench.ingest.${tag}.dlq`,
    passthrough: `bench.ingest.${tag}.passthrough`,
  };
}

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
function buildRecords(tag: string, topics: Topics): BenchRecord[] {
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

async function preProduce(records: readonly BenchRecord[], topics: Topics): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  for (const topic of [topics.manifests, topics.movements]) {
    const messages = records.filter((record) => record.topic === topic).map((record) => record.message);
    for (let start = 0; start < messages.length; start += 2000) {
      await sendSizeBounded(producer, topic, messages.slice(start, start + 2000));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  return seconds;
}

/** Busy and total jiffies of the whole machine (all cores), to show how much else was running. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, tick) => sum + tick, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU seconds of this process's main thread (Linux), to tell it apart from worker threads; NaN elsewhere. */
function mainThreadCpuSeconds(): number {
  try {
    const fields =
      readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Measurement {
  name: string;
  records: number;
  /** Wall clock from the first record handed over to the last chunk durable (no group join). */
  seconds: number;
  /** CPU time of this Node.js process, all threads, over the same window (broker and database not included). */
  cpuSeconds: number;
  /** Of which its main thread (the rest: decode workers, GC and libuv helpers). */
  mainCpuSeconds: number;
  /** Share of the whole machine busy over the window (all processes, all cores). */
  machineBusy: number;
}

/** How long a run may go without handling a record (group join and first fetch included). */
const STALL_MS = 120_000;

/** Starts when the first record is handed over and stops once `target` records are durable. */
class Window {
  private startedAt = 0;
  private cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  private mainCpu = 0;
  private ticks = { busy: 0, total: 0 };
  private handled = 0;
  private lastProgressAt = performance.now();
  private readonly watchdog: NodeJS.Timeout;
  private resolveDone: (measurement: Measurement) => void = () => undefined;
  private rejectDone: (error: Error) => void = () => undefined;
  readonly done: Promise<Measurement>;

  constructor(
    private readonly name: string,
    private readonly target: number,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.watchdog = setInterval(() => this.checkProgress(), 1_000);
    this.watchdog.unref();
  }

  /**
   * A run that stops handling records (broker or database gone, a consumer group with nothing left to
   * read) ends the bench with a reason instead of leaving it waiting for ever.
   */
  private checkProgress(): void {
    if (performance.now() - this.lastProgressAt > STALL_MS) {
      clearInterval(this.watchdog);
      this.rejectDone(
        new Error(
          `${this.name}: no records handled for ${STALL_MS / 1000} s (${this.handled} of ${this.target} so ` +
            `far); is the broker up, and does the run's consumer group have records to read?`,
        ),
      );
    }
  }

  begin(): void {
    this.lastProgressAt = performance.now();
    if (this.startedAt === 0) {
      this.startedAt = performance.now();
      this.cpu = process.cpuUsage();
      this.mainCpu = mainThreadCpuSeconds();
      this.ticks = machineTicks();
    }
  }

  add(count: number): void {
    this.lastProgressAt = performance.now();
    const before = this.handled;
    this.handled += count;
    if (before < this.target && this.handled >= this.target) {
      clearInterval(this.watchdog);
      const seconds = (performance.now() - this.startedAt) / 1000;
      const cpu = process.cpuUsage(this.cpu);
      const ticks = machineTicks();
      this.resolveDone({
        name: this.name,
        records: this.handled,
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        mainCpuSeconds: mainThreadCpuSeconds() - this.mainCpu,
        machineBusy: (ticks.busy - this.ticks.busy) / Math.max(1, ticks.total - this.ticks.total),
      });
    }
  }
}

/** Bare kafkajs with BatchConsumer's consumer settings: consume, produce each chunk as it came, commit. */
async function runPassthrough(tag: string, topics: Topics): Promise<Measurement> {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const consumer = kafka.consumer({
    groupId: `bench-passthrough-${tag}`,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    maxBytesPerPartition: 2 * 1024 * 1024,
    minBytes: KAFKA_FETCH_DEFAULTS.minBytes,
    maxWaitTimeInMs: KAFKA_FETCH_DEFAULTS.maxWaitMs,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topics.manifests, topics.movements], fromBeginning: true });
  const window = new Window('kafkajs passthrough', recordCount);
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: concurrency,
    eachBatch: async (payload) => {
      const { batch } = payload;
      window.begin();
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        if (!payload.isRunning() || payload.isStale()) {
          return;
        }
        const chunk = batch.messages.slice(start, start + chunkSize);
        await sendSizeBounded(
          producer,
          topics.passthrough,
          chunk.map((message) => ({ key: message.key, value: message.value, headers: message.headers })),
        );
        // Durable here, as ingest's chunk is when its use case resolves: both are timed to this point.
        window.add(chunk.length);
        const lastOffset = chunk[chunk.length - 1]?.offset ?? '0';
        payload.resolveOffset(lastOffset);
        await consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: String(BigInt(lastOffset) + 1n) },
        ]);
        await payload.heartbeat();
      }
    },
  });
  const measurement = await window.done;
  await consumer.disconnect();
  await producer.disconnect();
  return measurement;
}

async function metricTotal(registry: Registry, name: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
}

interface IngestMeasurement extends Measurement {
  events: number;
  rejected: number;
  duplicates: number;
  /** Where its chunks' time went, step by step (ingest's chunk-step histogram). */
  steps: string;
}

// The use case, timed from the outside: wrapped once, before any app exists, so that no chunk is missed.
let ingestWindow: Window | undefined;
const originalExecute = Object.getOwnPropertyDescriptor(IngestPortMessagesUseCase.prototype, 'execute')
  ?.value as IngestPortMessagesUseCase['execute'];
IngestPortMessagesUseCase.prototype.execute = async function timedExecute(
  this: IngestPortMessagesUseCase,
  records: readonly InboundRecord[],
) {
  ingestWindow?.begin();
  const outcomes = await originalExecute.call(this, records);
  ingestWindow?.add(records.length);
  return outcomes;
};

/** What the compared settings were before the bench touched them, to put back for the default runs. */
const settingsBefore = Object.fromEntries(
  Object.keys(compared ?? {}).map((name) => [name, process.env[name]] as const),
);

/** The ingest service in-process on the bench topics; with `compared`, under those settings. */
async function runIngest(
  tag: string,
  topics: Topics,
  arm: 'default' | 'compared',
): Promise<IngestMeasurement> {
  // Each run ingests the round's records afresh: none may pass for a redelivery of the other run's.
  await forgetSeenEvents(tag);
  for (const [name, value] of Object.entries(settingsBefore)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
  Object.assign(process.env, {
    KAFKA_BROKERS: settings.brokers.join(','),
    DATABASE_URL: settings.databaseUrl,
    KAFKA_TOPIC_PARTITIONS: String(partitions),
    INGEST_MANIFESTS_TOPIC: topics.manifests,
    INGEST_MOVEMENTS_TOPIC: topics.movements,
    INGEST_OUTPUT_TOPIC: topics.canonical,
    INGEST_DEAD_LETTER_TOPIC: topics.deadLetter,
    INGEST_CONSUMER_GROUP: `bench-ingest-${tag}-${arm}`,
    INGEST_CHUNK_SIZE: String(chunkSize),
    INGEST_PARTITIONS_CONCURRENTLY: String(concurrency),
    ...(workers === undefined ? {} : { INGEST_DECODE_WORKERS: workers }),
    ...(arm === 'compared' ? compared : {}),
  });
  const window = new Window(arm === 'compared' ? 'ingest, compared' : 'ingest pipeline', recordCount);
  ingestWindow = window;
  // Imported here, not at the top: the module reads .stack/stack.env into process.env as it loads, and a
  // KAFKA_BROKERS found there before `stack:up` ran would tell it the broker is someone else's to start.
  const { IngestModule } = await import('../../apps/ingest/src/ingest.module');
  const app: INestApplicationContext = await NestFactory.createApplicationContext(IngestModule, {
    logger: ['error', 'warn'],
  });
  const measurement = await window.done;
  ingestWindow = undefined;
  const registry = app.get<Registry>(Registry);
  const result = {
    ...measurement,
    events: await metricTotal(registry, 'chokepoint_ingest_canonical_events_total'),
    rejected: await metricTotal(registry, 'chokepoint_ingest_rejections_total'),
    duplicates: await metricTotal(registry, 'chokepoint_ingest_duplicates_dropped_total'),
    steps: describeIngestSteps(
      await registry.getSingleMetricAsString('chokepoint_ingest_chunk_step_seconds'),
    ),
  };
  await app.close();
  return result;
}

/** Removes the fingerprints of this round's events (buildRecords gives them ids that start with the tag). */
async function forgetSeenEvents(tag: string): Promise<void> {
  const dataSource = await createDataSource({ url: settings.databaseUrl, poolSize: 1 }).initialize();
  try {
    await dataSource.query(`DELETE FROM ingest_event_seen WHERE event_id LIKE $1 OR event_id LIKE $2`, [
      `B${tag}%`,
      `${tag}-%`,
    ]);
  } finally {
    await dataSource.destroy();
  }
}

async function cleanUp(admin: Admin, tag: string, topics: Topics): Promise<void> {
  await admin.deleteTopics({ topics: Object.values(topics) }).catch(() => undefined);
  await forgetSeenEvents(tag);
}

/** decodeRecord alone on one thread over a sample of the same records: the ceiling for one ingest process. */
async function runDecodeOnly(records: readonly BenchRecord[], topics: Topics): Promise<Measurement> {
  const sample = records.slice(0, Math.min(records.length, 5000));
  // As ingest decodes: its events are only serialised, so they keep their undefined members.
  const options = { manifestsTopic: topics.manifests, movementsTopic: topics.movements, serialiseOnly: true };
  const decodeAll = (): void => {
    for (const record of sample) {
      decodeRecord(
        { topic: record.topic, value: record.message.value as Buffer, timestamp: '2026-03-04T10:00:00Z' },
        options,
      );
    }
  };
  decodeAll();
  const window = new Window('decode only, no I/O', sample.length);
  window.begin();
  decodeAll();
  window.add(sample.length);
  return window.done;
}

const rate = (m: Measurement): number => m.records / m.seconds;
const cpuRate = (m: Measurement): number => m.records / m.cpuSeconds;

function printRow(row: Measurement): void {
  process.stdout.write(
    `${row.name.padEnd(22)}${String(row.records).padStart(8)}${row.seconds.toFixed(2).padStart(9)}` +
      `${Math.round(rate(row)).toString().padStart(11)}${row.cpuSeconds.toFixed(2).padStart(8)}` +
      `${row.mainCpuSeconds.toFixed(2).padStart(8)}${Math.round(cpuRate(row)).toString().padStart(14)}` +
      `${(100 * row.machineBusy).toFixed(0).padStart(8)} %\n`,
  );
}

interface RoundResult {
  passthrough?: Measurement;
  ingest?: IngestMeasurement;
  /** Ingest under the --compare settings. */
  compared?: IngestMeasurement;
}

type Mode = 'passthrough' | 'ingest' | 'compared';

/** This round's runs, in an order that rotates, so that no mode always gets the warmer broker. */
function roundOrder(round: number): Mode[] {
  const modes: Mode[] =
    compared === undefined ? ['passthrough', 'ingest'] : ['passthrough', 'ingest', 'compared'];
  const shift = round % modes.length;
  return [...modes.slice(shift), ...modes.slice(0, shift)].filter(
    (mode) => only === undefined || only === mode,
  );
}

const comparedText = describeComparedSettings(compared ?? {});

async function runRound(admin: Admin, round: number): Promise<RoundResult> {
  const tag = randomUUID().slice(0, 6);
  const topics = benchTopics(tag);
  await ensureTopics(admin, Object.values(topics), partitions);
  try {
    const records = buildRecords(tag, topics);
    const bytes = records.reduce((sum, record) => sum + (record.message.value?.length ?? 0), 0);
    const manifests = records.filter((record) => record.topic === topics.manifests).length;
    const produceSeconds = await preProduce(records, topics);
    process.stderr.write(
      `round ${round + 1}/${rounds}: pre-produced ${records.length} records (${manifests} manifests, ` +
        `${records.length - manifests} movements, ${(bytes / 1024 / 1024).toFixed(1)} MiB) in ` +
        `${produceSeconds.toFixed(1)} s to ${partitions} partitions per topic; chunk ${chunkSize}, ` +
        `partitions consumed concurrently ${concurrency}, ingest decode workers ${workers ?? 'default'}` +
        `${compared === undefined ? '' : `; compared: ${comparedText}`}\n`,
    );
    const result: RoundResult = {};
    for (const mode of roundOrder(round)) {
      if (mode === 'passthrough') {
        result.passthrough = await runPassthrough(tag, topics);
      } else {
        const run = await runIngest(tag, topics, mode === 'compared' ? 'compared' : 'default');
        result[mode] = run;
        process.stderr.write(
          `${run.name} published ${run.events} canonical events, ${run.rejected} rejections, ` +
            `${run.duplicates} duplicates dropped; ${run.steps}\n`,
        );
      }
    }
    process.stdout.write(
      `\n${'mode'.padEnd(22)}${'records'.padStart(8)}${'seconds'.padStart(9)}${'records/s'.padStart(11)}` +
        `${'cpu s'.padStart(8)}${'main s'.padStart(8)}${'records/cpu-s'.padStart(14)}${'machine'.padStart(10)}\n`,
    );
    const rows = [result.passthrough, result.ingest, result.compared, await runDecodeOnly(records, topics)];
    for (const row of rows) {
      if (row !== undefined) {
        printRow(row);
      }
    }
    for (const run of [result.ingest, result.compared]) {
      if (result.passthrough && run) {
        process.stdout.write(
          `${run === result.compared ? `ingest with ${comparedText}` : 'ingest'} / passthrough: ` +
            `${((100 * rate(run)) / rate(result.passthrough)).toFixed(1)} % wall clock (target 50 %), ` +
            `${((100 * cpuRate(run)) / cpuRate(result.passthrough)).toFixed(1)} % per CPU second\n`,
        );
      }
    }
    return result;
  } finally {
    await cleanUp(admin, tag, topics);
  }
}

async function main(): Promise<void> {
  const warmUpNote = brokerWarmUpNote(brokerUptimeSeconds());
  if (warmUpNote !== undefined) {
    process.stdout.write(`${warmUpNote}\n`);
  }
  await runMigrations(settings.databaseUrl);
  const admin = kafka.admin();
  await admin.connect();
  const results: RoundResult[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      results.push(await runRound(admin, round));
    }
  } finally {
    await admin.disconnect();
  }
  const paired = results.flatMap(({ passthrough, ingest }) =>
    passthrough && ingest ? [{ passthrough, ingest }] : [],
  );
  if (paired.length > 1) {
    const wall = paired.map(({ passthrough, ingest }) => rate(ingest) / rate(passthrough));
    const cpu = paired.map(({ passthrough, ingest }) => cpuRate(ingest) / cpuRate(passthrough));
    process.stdout.write(
      `\nmedian of ${paired.length} rounds: passthrough ${Math.round(median(paired.map((p) => rate(p.passthrough))))} ` +
        `records/s, ingest ${Math.round(median(paired.map((p) => rate(p.ingest))))} records/s; ` +
        `ingest / passthrough ${(100 * median(wall)).toFixed(1)} % wall clock (rounds: ` +
        `${wall.map((ratio) => (100 * ratio).toFixed(0)).join(', ')}), ${(100 * median(cpu)).toFixed(1)} % per CPU second\n`,
    );
  }
  const sideBySide = results.flatMap(({ ingest, compared: other }) =>
    ingest && other ? [{ ingest, other }] : [],
  );
  if (sideBySide.length > 0) {
    const wall = sideBySide.map(({ ingest, other }) => rate(other) / rate(ingest));
    const cpu = sideBySide.map(({ ingest, other }) => cpuRate(other) / cpuRate(ingest));
    process.stdout.write(
      `with ${comparedText}: ingest ${Math.round(median(sideBySide.map((p) => rate(p.other))))} records/s ` +
        `against ${Math.round(median(sideBySide.map((p) => rate(p.ingest))))} without, ${(100 * median(wall)).toFixed(1)} % ` +
        `of its rate (median of ${sideBySide.length} round${sideBySide.length === 1 ? '' : 's'}: ${wall.map((ratio) => (100 * ratio).toFixed(0)).join(', ')}), ` +
        `${(100 * median(cpu)).toFixed(1)} % per CPU second\n`,
    );
  }
}

runMain(SCRIPT, main);

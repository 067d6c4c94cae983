/**
 * npm run bench:pipeline -- [--consignments 5000] [--rate 2000] [--seconds 15] [--partitions 6]
 *                            [--latency-only] [--profile DIR]
 *
 * The screening stage of the pipeline on the real broker and PostgreSQL, with screening as its own
 * process (as deployed) on topics and a database of its own:
 *  1. throughput: canonical events pre-produced, then drained into decisions (transaction per chunk,
 *     outbox, relay), against a bare kafkajs consume-and-produce passthrough of the same records with
 *     the same chunking and producer settings, in the same run;
 *  2. latency: events produced at a steady rate; for each decision, the time from producing the event
 *     that triggered it to the decision arriving on the decisions topic (p50, p95, p99).
 * A shared 2-core machine makes the figures noisy: compare runs, not digits.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import type { CanonicalEvent, DecisionEvent } from '@chokepoint/contracts';
import { manifestEventId } from '@chokepoint/engine';
import { createIdempotentProducer, ensureTopics, sendSizeBounded } from '@chokepoint/kafka';
import {
  generateCanonicalStream,
  type StreamEvent,
} from '../../apps/screening/src/testing/canonical-stream.generator';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { histogramChart, lineChart } from './svg-chart';

const REPO_ROOT = join(__dirname, '..', '..');
const RESULTS_DIR = join(REPO_ROOT, 'results', 'bench');
const { values: args } = parseArgs({
  options: {
    consignments: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '15' },
    partitions: { type: 'string', default: '6' },
    chunk: { type: 'string', default: '500' },
    'latency-only': { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of each screening process into this folder. */
    profile: { type: 'string' },
  },
});

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const settings = stackSettings();
const run = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
const partitions = Number(args.partitions);
const chunk = Number(args.chunk);
const kafka = new Kafka({ clientId: 'bench-pipeline', brokers: settings.brokers, logLevel: logLevel.ERROR });

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toMessage({ consignmentId, event }: StreamEvent): Message {
  return {
    key: consignmentId,
    value: JSON.stringify(event),
    headers: { 'chokepoint-event-kind': event.kind, 'chokepoint-schema-version': '1' },
  };
}

function triggerId(event: CanonicalEvent): string {
  return event.kind === 'MANIFEST' ? manifestEventId(event) : event.eventId;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function produceAll(topic: string, stream: readonly StreamEvent[]): Promise<void> {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  for (let start = 0; start < stream.length; start += 2_000) {
    await sendSizeBounded(producer, topic, stream.slice(start, start + 2_000).map(toMessage));
  }
  await producer.disconnect();
}

async function createTopics(names: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, names, partitions);
  await admin.disconnect();
}

/** Consume-and-produce with nothing in between: the ceiling the screening stage is measured against. */
async function passthrough(input: string, output: string, count: number): Promise<number> {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const consumer = kafka.consumer({
    groupId: `bench-passthrough-${run}`,
    maxBytesPerPartition: 2 * 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: input, fromBeginning: true });
  let seen = 0;
  let started = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 3,
    eachBatch: async (payload) => {
      const { batch } = payload;
      started ||= Date.now();
      for (let index = 0; index < batch.messages.length; index += chunk) {
        const slice = batch.messages.slice(index, index + chunk);
        await sendSizeBounded(
          producer,
          output,
          slice.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        );
        const last = slice[slice.length - 1];
        if (last) {
          payload.resolveOffset(last.offset);
        }
        await payload.commitOffsetsIfNecessary();
        seen += slice.length;
      }
      if (seen >= count) {
        finish();
      }
    },
  });
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await consumer.disconnect();
  await producer.disconnect();
  return count / seconds;
}

function startScreening(
  databaseUrl: string,
  topics: { canonical: string; decisions: string; dlq: string },
): ChildProcess {
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
  return spawn(process.execPath, [...profile, '-r', '@swc-node/register', 'apps/screening/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: settings.brokers.join(','),
      HTTP_PORT: '23100',
      CANONICAL_EVENTS_TOPIC: topics.canonical,
      DECISIONS_TOPIC: topics.decisions,
      DEAD_LETTER_TOPIC: topics.dlq,
      SCREENING_CONSUMER_GROUP: `bench-screening-${run}-${topics.canonical}`,
      SCREENING_CHUNK_SIZE: String(chunk),
      RULES_WATCH: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitUntilDrained(db: Client, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ processed: string; backlog: string }>(
      `SELECT (SELECT coalesce(sum(source_offset + 1), 0) FROM processed_event WHERE consumer = 'screening') AS processed,
              (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS backlog`,
    );
    if (Number(rows[0]?.processed) >= count && Number(rows[0]?.backlog) === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`not drained within ${timeoutMs} ms: ${JSON.stringify(rows[0])}`);
    }
    await sleep(50);
  }
}

/** Mean of each of screening's latency histograms, from its /metrics. */
async function stageMeans(): Promise<string> {
  const text = await (await fetch('http://127.0.0.1:23100/metrics')).text();
  const value = (name: string): number =>
    Number(/\S+ (\S+)$/.exec(text.split('\n').find((l) => l.startsWith(name)) ?? '')?.[1]);
  return [
    'chokepoint_screening_chunk_duration_seconds',
    'chokepoint_screening_event_latency_seconds',
    'chokepoint_screening_outbox_publish_latency_seconds',
  ]
    .map((name) => {
      const sum = value(`${name}_sum`);
      const count = value(`${name}_count`);
      return `${name.replace('chokepoint_screening_', '')} mean ${((sum / count) * 1000).toFixed(1)} ms over ${count}`;
    })
    .join('; ');
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
}

async function throughput(
  databaseUrl: string,
  db: Client,
): Promise<{ screening: number; passthrough: number }> {
  const topics = {
    canonical: `bench.pipeline.${run}.t.canonical`,
    decisions: `bench.pipeline.${run}.t.decisions`,
    dlq: `bench.pipeline.${run}.t.dlq`,
    passthrough: `bench.pipeline.${run}.t.passthrough`,
  };
  await createTopics(Object.values(topics));
  const stream = generateCanonicalStream({
    runId: `T${run}`,
    consignments: Number(args.consignments),
    startAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  await produceAll(topics.canonical, stream);
  log(`throughput: ${stream.length} canonical events produced`);

  const passthroughRate = await passthrough(topics.canonical, topics.passthrough, stream.length);
  log(`passthrough: ${passthroughRate.toFixed(0)} events/s`);

  const child = startScreening(databaseUrl, topics);
  // Timed from the first applied chunk, so process start-up and group join do not count.
  let first = 0;
  while (first === 0) {
    const { rows } = await db.query<{ count: string }>(`SELECT count(*) FROM processed_event`);
    if (Number(rows[0]?.count) > 0) {
      first = Date.now();
    } else {
      await sleep(20);
    }
  }
  const { rows: already } = await db.query<{ count: string }>(
    `SELECT coalesce(sum(source_offset + 1), 0) AS count FROM processed_event`,
  );
  await waitUntilDrained(db, stream.length, 600_000);
  const seconds = (Date.now() - first) / 1000;
  const screeningRate = (stream.length - Number(already[0]?.count ?? 0)) / seconds;
  await stop(child);
  log(`screening: ${screeningRate.toFixed(0)} events/s (${stream.length} events, decisions via outbox)`);
  return { screening: screeningRate, passthrough: passthroughRate };
}

interface LatencySample {
  atMs: number;
  latencyMs: number;
}

async function latency(databaseUrl: string, db: Client): Promise<LatencySample[]> {
  const topics = {
    canonical: `bench.pipeline.${run}.l.canonical`,
    decisions: `bench.pipeline.${run}.l.decisions`,
    dlq: `bench.pipeline.${run}.l.dlq`,
  };
  await createTopics(Object.values(topics));
  const rate = Number(args.rate);
  const total = rate * Number(args.seconds);
  const stream = generateCanonicalStream({
    runId: `L${run}`,
    consignments: Math.ceil(total / 3),
    startAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  }).slice(0, total);
  const child = startScreening(databaseUrl, topics);
  while (
    !(await fetch('http://127.0.0.1:23100/health/ready').then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    await sleep(200);
  }
  const producedAt = new Map<string, number>();
  const latencies: LatencySample[] = [];
  const consumer = kafka.consumer({ groupId: `bench-latency-${run}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic: topics.decisions, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const decision = JSON.parse(message.value?.toString('utf8') ?? '{}') as DecisionEvent;
      const sent = producedAt.get(`${decision.consignmentId} ${decision.triggeredBy.eventId}`);
      if (sent !== undefined) {
        const now = Date.now();
        latencies.push({ atMs: now, latencyMs: now - sent });
      }
      return Promise.resolve();
    },
  });
  await sleep(3_000);
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const tick = 10;
  const perTick = Math.max(1, Math.round((rate * tick) / 1000));
  const started = Date.now();
  for (let sent = 0; sent < stream.length;) {
    const slice = stream.slice(sent, sent + perTick);
    const now = Date.now();
    slice.forEach(({ consignmentId, event }) => producedAt.set(`${consignmentId} ${triggerId(event)}`, now));
    // Fire and forget within the tick budget, like many port systems producing at once.
    producer
      .send({ topic: topics.canonical, messages: slice.map(toMessage) })
      .catch((error: unknown) => log(`send failed: ${String(error)}`));
    sent += slice.length;
    await sleep(Math.max(0, started + (sent / rate) * 1000 - Date.now()));
  }
  log(`latency: ${stream.length} events produced at ${rate}/s`);
  await waitUntilDrained(db, stream.length, 300_000);
  await sleep(1_000);
  log(`screening's own view: ${await stageMeans()}`);
  await consumer.disconnect();
  await producer.disconnect();
  await stop(child);
  return latencies;
}

function describeMachine(): Record<string, string | number> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtEnd: Number(loadavg()[0]?.toFixed(2)),
  };
}

/** Writes report.json, report.md and two SVG charts into results/bench/<run>/ (git-ignored). */
function writeBenchReport(
  report: {
    throughput: Record<string, number>;
    latency: Record<string, number | undefined>;
    machine: Record<string, string | number>;
    at: string;
  },
  samples: readonly LatencySample[],
): string {
  const dir = join(RESULTS_DIR, `${report.at.replace(/[:.]/g, '-')}-${run}`);
  mkdirSync(dir, { recursive: true });
  const first = samples[0]?.atMs ?? 0;
  const perSecond = new Map<number, number>();
  for (const sample of samples) {
    const second = Math.floor((sample.atMs - first) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  const throughputSvg = lineChart(
    'Decisions per second during the latency run',
    'elapsed (s)',
    'decisions/s',
    [
      {
        name: 'decisions/s',
        colour: '#3b6ea5',
        points: [...perSecond.entries()].sort(([a], [b]) => a - b).map(([x, y]) => ({ x, y })),
      },
    ],
  );
  const bounds = [5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2000, 5000];
  const buckets = bounds.map((upperMs, index) => ({
    upperMs,
    count: samples.filter(
      (sample) => sample.latencyMs <= upperMs && (index === 0 || sample.latencyMs > (bounds[index - 1] ?? 0)),
    ).length,
  }));
  const latencySvg = histogramChart('Produce-to-decision latency', buckets);
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'throughput.svg'), throughputSvg);
  writeFileSync(join(dir, 'latency.svg'), latencySvg);
  const machine = Object.entries(report.machine)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  writeFileSync(
    join(dir, 'report.md'),
    [
      `# Pipeline benchmark ${report.at}`,
      '',
      `Machine: ${machine}. Screening runs as its own process on real Kafka and PostgreSQL; the passthrough`,
      'is a bare kafkajs consume-and-produce of the same records in the same run.',
      '',
      '| measure | value |',
      '|---|---|',
      ...Object.entries(report.throughput).map(([key, value]) => `| ${key} | ${value} |`),
      ...Object.entries(report.latency).map(([key, value]) => `| latency ${key} | ${String(value)} |`),
      '',
      '![throughput](throughput.svg)',
      '',
      '![latency](latency.svg)',
      '',
    ].join('\n'),
  );
  return dir;
}

async function main(): Promise<void> {
  const throughputDb = `chokepoint_bench_t_${run.toLowerCase()}`;
  const latencyDb = `chokepoint_bench_l_${run.toLowerCase()}`;
  const throughputUrl = await createScratchDatabase(settings.databaseUrl, throughputDb);
  const latencyUrl = await createScratchDatabase(settings.databaseUrl, latencyDb);
  const dbT = new Client({ connectionString: throughputUrl });
  const dbL = new Client({ connectionString: latencyUrl });
  await dbT.connect();
  await dbL.connect();
  try {
    const rates = args['latency-only']
      ? { screening: Number.NaN, passthrough: Number.NaN }
      : await throughput(throughputUrl, dbT);
    const samples = await latency(latencyUrl, dbL);
    const latencies = samples.map((sample) => sample.latencyMs).sort((a, b) => a - b);
    const report = {
      run,
      at: new Date().toISOString(),
      machine: describeMachine(),
      options: {
        consignments: Number(args.consignments),
        rate: Number(args.rate),
        seconds: Number(args.seconds),
        partitions,
        chunk,
      },
      throughput: {
        screeningEventsPerSecond: Math.round(rates.screening),
        passthroughEventsPerSecond: Math.round(rates.passthrough),
        ratioToPassthrough: Number((rates.screening / rates.passthrough).toFixed(2)),
      },
      latency: {
        rate: Number(args.rate),
        decisions: latencies.length,
        p50Ms: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        p99Ms: percentile(latencies, 99),
        maxMs: latencies[latencies.length - 1],
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    log(`report written to ${writeBenchReport(report, samples)}`);
  } finally {
    await dbT.end();
    await dbL.end();
    await dropScratchDatabase(settings.databaseUrl, throughputDb);
    await dropScratchDatabase(settings.databaseUrl, latencyDb);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

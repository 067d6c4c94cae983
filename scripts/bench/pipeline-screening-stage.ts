import type { Client } from 'pg';
import type { CanonicalEvent } from '@chokepoint/contracts';
import { manifestEventId } from '@chokepoint/engine';
import {
  generateCanonicalStream,
  type StreamEvent,
} from '../../apps/screening/src/testing/canonical-stream.generator';
import { type BenchContext, latencyWindow, log, sleep } from './pipeline-context';
import {
  createTopics,
  listenForDecisions,
  passthrough,
  produceAll,
  produceAtRate,
  type TopicMessage,
} from './pipeline-kafka';
import {
  describeLatency,
  type LatencySample,
  type LatencySamples,
  splitAtMeasuredStart,
} from './pipeline-report';
import {
  cpuSince,
  histogramMean,
  pipelineCpuMeter,
  screeningProgress,
  screeningRetries,
  ServiceGroup,
} from './pipeline-services';
import { type SequentialScans, SequentialScanWindow } from './postgres-scans';
import { type WalFigures, type WalRelationShare, WalWindow } from './postgres-wal';
import type { CpuBreakdown, CpuReading } from './process-cpu';

/** Throughput and latency of one phase, with what became of its input and the services' own view. */
export interface PhaseResult {
  counts: Record<string, number>;
  serviceView: string;
  /** CPU per event by process over the phase's measured window (absent where /proc cannot be read). */
  cpu?: CpuBreakdown;
  /** PostgreSQL's write-ahead log over the same window (throughput phases). */
  wal?: WalFigures;
  /** The same log by relation, largest first (where the bench's role may read the log). */
  walByRelation?: WalRelationShare[];
  /** Rows read by sequential scans per table over the same window, most first (throughput phases). */
  sequentialScans?: SequentialScans[];
}

interface ScreeningTopics {
  canonical: string;
  decisions: string;
  dlq: string;
}

function toMessage(topic: string, { consignmentId, event }: StreamEvent): TopicMessage {
  return {
    topic,
    message: {
      key: consignmentId,
      value: JSON.stringify(event),
      headers: { 'chokepoint-event-kind': event.kind, 'chokepoint-schema-version': '1' },
    },
  };
}

function triggerId(event: CanonicalEvent): string {
  return event.kind === 'MANIFEST' ? manifestEventId(event) : event.eventId;
}

function startScreening(
  ctx: BenchContext,
  databaseUrl: string,
  topics: ScreeningTopics,
): Promise<ServiceGroup> {
  const group = `bench-screening-${ctx.run}-${topics.canonical}`;
  ctx.groups.add(group);
  return ServiceGroup.start(
    ctx,
    'screening',
    {
      DATABASE_URL: databaseUrl,
      CANONICAL_EVENTS_TOPIC: topics.canonical,
      DECISIONS_TOPIC: topics.decisions,
      DEAD_LETTER_TOPIC: topics.dlq,
      SCREENING_CONSUMER_GROUP: group,
      ...(ctx.serviceChunk === undefined ? {} : { SCREENING_CHUNK_SIZE: String(ctx.serviceChunk) }),
      RULES_WATCH: 'false',
    },
    ctx.screeningInstances,
  );
}

/** Screening has committed the effects of `count` events and published every decision and dead letter. */
async function waitUntilDrained(
  db: Client,
  screening: ServiceGroup,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await screeningProgress(db);
    if (progress.processed >= count && progress.backlog === 0) {
      return;
    }
    screening.assertRunning();
    if (Date.now() > deadline) {
      throw new Error(`not drained within ${timeoutMs} ms: ${JSON.stringify(progress)}`);
    }
    await sleep(50);
  }
}

function screeningView(text: string): string {
  return [
    'chokepoint_screening_chunk_duration_seconds',
    'chokepoint_screening_event_latency_seconds',
    'chokepoint_screening_outbox_publish_latency_seconds',
  ]
    .map((name) => histogramMean(text, name, 'chokepoint_screening_'))
    .join('; ');
}

/** Canonical events pre-produced, then drained into decisions, next to a passthrough of the same records. */
export async function screeningThroughput(
  ctx: BenchContext,
  databaseUrl: string,
  db: Client,
  consignments: number,
): Promise<PhaseResult & { rate: number; passthrough: number }> {
  const base = `bench.pipeline.${ctx.run}.t`;
  const topics = { canonical: `${base}.canonical`, decisions: `${base}.decisions`, dlq: `${base}.dlq` };
  const passthroughTopic = `${base}.passthrough`;
  await createTopics(ctx, [...Object.values(topics), passthroughTopic]);
  const stream = generateCanonicalStream({
    runId: `T${ctx.run}`,
    consignments,
    startAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  await produceAll(
    ctx,
    stream.map((item) => toMessage(topics.canonical, item)),
  );
  log(`throughput: ${stream.length} canonical events produced`);

  const passthroughRate = await passthrough(ctx, [topics.canonical], passthroughTopic, stream.length);
  log(`passthrough: ${passthroughRate.toFixed(0)} events/s`);

  const screening = await startScreening(ctx, databaseUrl, topics);
  const meter = pipelineCpuMeter([screening]);
  // Timed from the first applied chunk, so process start-up and group join do not count.
  let first = 0;
  let cpuAtFirst: CpuReading | undefined;
  let walWindow: WalWindow | undefined;
  let scanWindow: SequentialScanWindow | undefined;
  while (first === 0) {
    const { rows } = await db.query<{ count: string }>(`SELECT count(*) FROM processed_event`);
    if (Number(rows[0]?.count) > 0) {
      first = Date.now();
      cpuAtFirst = meter?.read();
      walWindow = await WalWindow.open(db, ctx.run, log);
      scanWindow = await SequentialScanWindow.open(db, log);
    } else {
      screening.assertRunning();
      await sleep(20);
    }
  }
  const already = (await screeningProgress(db)).processed;
  await waitUntilDrained(db, screening, stream.length, 600_000);
  const seconds = (Date.now() - first) / 1000;
  const cpu = cpuSince(meter, cpuAtFirst, stream.length - already, 'throughput');
  const wal = await walWindow?.close(stream.length - already);
  const rate = (stream.length - already) / seconds;
  const metrics = await screening.metrics();
  const serviceView = screeningView(metrics);
  await screening.stop(ctx);
  const walByRelation = await walWindow?.byRelation(stream.length - already);
  const sequentialScans = await scanWindow?.close(stream.length - already);
  log(`screening: ${rate.toFixed(0)} events/s (${stream.length} events, decisions via outbox)`);
  return {
    rate,
    passthrough: passthroughRate,
    counts: { events: stream.length, screeningRetries: screeningRetries(metrics) },
    serviceView,
    cpu,
    ...(wal ? { wal } : {}),
    ...(walByRelation ? { walByRelation } : {}),
    ...(sequentialScans ? { sequentialScans } : {}),
  };
}

/** Canonical events at a steady rate; for each decision, the time from producing the event that triggered it. */
export async function screeningLatency(
  ctx: BenchContext,
  databaseUrl: string,
  db: Client,
  rate: number,
  seconds: number,
): Promise<PhaseResult & { samples: LatencySamples }> {
  const base = `bench.pipeline.${ctx.run}.l`;
  const topics = { canonical: `${base}.canonical`, decisions: `${base}.decisions`, dlq: `${base}.dlq` };
  await createTopics(ctx, Object.values(topics));
  const warmUpEvents = rate * ctx.warmUpSeconds;
  const total = warmUpEvents + rate * seconds;
  const stream = generateCanonicalStream({
    runId: `L${ctx.run}`,
    consignments: Math.ceil(total / 3),
    startAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  }).slice(0, total);
  const screening = await startScreening(ctx, databaseUrl, topics);
  await screening.waitReady();
  const producedAt = new Map<string, number>();
  const samples: LatencySample[] = [];
  let unmapped = 0;
  const consumer = await listenForDecisions(ctx, topics.decisions, (decision, arrivedAt) => {
    const sent = producedAt.get(`${decision.consignmentId} ${decision.triggeredBy.eventId}`);
    if (sent === undefined) {
      unmapped += 1;
    } else {
      samples.push({ atMs: arrivedAt, latencyMs: arrivedAt - sent });
    }
  });
  await sleep(1_000);
  const messages = stream.map((item) => toMessage(topics.canonical, item));
  const meter = pipelineCpuMeter([screening]);
  let measuredFrom: { atMs: number; cpu: CpuReading | undefined } | undefined;
  await produceAtRate(ctx, messages, rate, (start, end, at) => {
    if (measuredFrom === undefined && start >= warmUpEvents) {
      measuredFrom = { atMs: at, cpu: meter?.read() };
    }
    for (const { consignmentId, event } of stream.slice(start, end)) {
      producedAt.set(`${consignmentId} ${triggerId(event)}`, at);
    }
  });
  log(`latency: ${stream.length} events produced at ${rate}/s, ${latencyWindow(ctx).warmUp}`);
  await waitUntilDrained(db, screening, stream.length, 300_000);
  const measuredStart = measuredFrom ?? { atMs: Number.POSITIVE_INFINITY, cpu: undefined };
  const cpu = cpuSince(meter, measuredStart.cpu, stream.length - warmUpEvents, 'latency');
  await sleep(1_000);
  const metrics = await screening.metrics();
  const serviceView = screeningView(metrics);
  log(`screening's own view: ${serviceView}`);
  await consumer.disconnect();
  await screening.stop(ctx);
  const split = splitAtMeasuredStart(samples, measuredStart.atMs);
  if (ctx.warmUpSeconds > 0) {
    log(`decision latency during the warm-up: ${describeLatency(split.warmUp)}`);
  }
  log(`decision latency ${latencyWindow(ctx).measured}: ${describeLatency(split.measured)}`);
  return {
    samples: split,
    counts: {
      events: stream.length,
      unmappedDecisions: unmapped,
      screeningRetries: screeningRetries(metrics),
    },
    serviceView,
    cpu,
  };
}

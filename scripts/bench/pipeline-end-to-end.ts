import type { Client } from 'pg';
import { type CanonicalEvent, Topics } from '@chokepoint/contracts';
import { manifestEventId } from '@chokepoint/engine';
import { produceToKafka } from '../../apps/cli/src/simulate/record.sinks';
import { type BenchContext, latencyWindow, log, sleep } from './pipeline-context';
import {
  committedTotal,
  createTopics,
  endOffsetTotal,
  listenForDecisions,
  listenForJson,
  passthrough,
  produceAtRate,
  withAdmin,
} from './pipeline-kafka';
import { portMessage, simulatedPortRecords, spreadManifests, triggerIdsOf } from './pipeline-port-records';
import {
  describeLatency,
  type LatencySample,
  type LatencySamples,
  splitAtMeasuredStart,
} from './pipeline-report';
import type { PhaseResult } from './pipeline-screening-stage';
import { SequentialScanWindow } from './postgres-scans';
import { WalWindow } from './postgres-wal';
import type { CpuReading } from './process-cpu';
import {
  cpuSince,
  describeIngestSteps,
  histogramMean,
  metricTotal,
  pipelineCpuMeter,
  screeningProgress,
  screeningRetries,
  ServiceGroup,
  ServiceProcess,
} from './pipeline-services';

/** Seeds of the simulated days: fixed, so that every run feeds the pipeline the same records. */
const THROUGHPUT_SEED = 20260304;
const LATENCY_SEED = 20260305;

// A type rather than an interface, so that Object.values knows its values are topic names.
type EndToEndTopics = {
  manifests: string;
  movements: string;
  canonical: string;
  decisions: string;
  ingestDlq: string;
  screeningDlq: string;
};

interface Pipeline {
  ingest: ServiceProcess;
  screening: ServiceGroup;
  ingestGroup: string;
}

function topicsOf(ctx: BenchContext, phase: 't' | 'l'): EndToEndTopics {
  const base = `bench.pipeline.${ctx.run}.${phase}`;
  return {
    manifests: `${base}.port.manifests`,
    movements: `${base}.port.movements`,
    canonical: `${base}.canonical`,
    decisions: `${base}.decisions`,
    // One dead-letter topic per service, so that the report can say which stage turned what away.
    ingestDlq: `${base}.dlq.ingest`,
    screeningDlq: `${base}.dlq.screening`,
  };
}

/** Screening first, and ready (joined), so that the canonical events ingest publishes find it consuming. */
async function startPipeline(
  ctx: BenchContext,
  databaseUrl: string,
  topics: EndToEndTopics,
): Promise<Pipeline> {
  const screeningGroup = `bench-screening-${ctx.run}-${topics.canonical}`;
  const ingestGroup = `bench-ingest-${ctx.run}-${topics.canonical}`;
  ctx.groups.add(screeningGroup);
  ctx.groups.add(ingestGroup);
  const screening = await ServiceGroup.start(
    ctx,
    'screening',
    {
      DATABASE_URL: databaseUrl,
      CANONICAL_EVENTS_TOPIC: topics.canonical,
      DECISIONS_TOPIC: topics.decisions,
      DEAD_LETTER_TOPIC: topics.screeningDlq,
      SCREENING_CONSUMER_GROUP: screeningGroup,
      ...(ctx.serviceChunk === undefined ? {} : { SCREENING_CHUNK_SIZE: String(ctx.serviceChunk) }),
      RULES_WATCH: 'false',
    },
    ctx.screeningInstances,
  );
  await screening.waitReady();
  const ingest = await ServiceProcess.start(ctx, 'ingest', {
    DATABASE_URL: databaseUrl,
    INGEST_MANIFESTS_TOPIC: topics.manifests,
    INGEST_MOVEMENTS_TOPIC: topics.movements,
    INGEST_OUTPUT_TOPIC: topics.canonical,
    INGEST_DEAD_LETTER_TOPIC: topics.ingestDlq,
    INGEST_CONSUMER_GROUP: ingestGroup,
    ...(ctx.serviceChunk === undefined ? {} : { INGEST_CHUNK_SIZE: String(ctx.serviceChunk) }),
  });
  return { ingest, screening, ingestGroup };
}

async function stopPipeline(ctx: BenchContext, pipeline: Pipeline): Promise<void> {
  await pipeline.ingest.stop(ctx);
  await pipeline.screening.stop(ctx);
}

/**
 * Every port record accounted for: ingest has committed past all of them (so each was published as
 * canonical events, dropped as a duplicate, or dead-lettered: BatchConsumer dead-letters before it
 * commits), screening has committed the effects of every canonical event ingest wrote (applied, with
 * or without a new decision, parked to wait for its manifest, or dead-lettered through the outbox),
 * and the outbox is empty, so every decision and dead letter is on its topic.
 */
async function waitUntilAccountedFor(
  ctx: BenchContext,
  db: Client,
  topics: EndToEndTopics,
  pipeline: Pipeline,
  records: number,
  timeoutMs: number,
): Promise<void> {
  await withAdmin(ctx, async (admin) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ingested = await committedTotal(admin, pipeline.ingestGroup, [
        topics.manifests,
        topics.movements,
      ]);
      let state: Record<string, number> = { records, ingested };
      if (ingested >= records) {
        const canonical = await endOffsetTotal(admin, topics.canonical);
        const progress = await screeningProgress(db);
        state = { ...state, canonical, screened: progress.processed, outboxBacklog: progress.backlog };
        if (progress.processed >= canonical && progress.backlog === 0) {
          return;
        }
      }
      pipeline.ingest.assertRunning();
      pipeline.screening.assertRunning();
      if (Date.now() > deadline) {
        throw new Error(`records not accounted for within ${timeoutMs} ms: ${JSON.stringify(state)}`);
      }
      await sleep(50);
    }
  });
}

/** What became of the records, from the topics' end offsets and the services' counters. */
async function account(
  ctx: BenchContext,
  topics: EndToEndTopics,
  pipeline: Pipeline,
  records: number,
): Promise<PhaseResult> {
  const ingestMetrics = await pipeline.ingest.metrics();
  const screeningMetrics = await pipeline.screening.metrics();
  const counts = await withAdmin(ctx, async (admin) => ({
    portRecords: records,
    canonicalEvents: await endOffsetTotal(admin, topics.canonical),
    ingestDeadLetters: await endOffsetTotal(admin, topics.ingestDlq),
    ingestDuplicatesDropped: metricTotal(ingestMetrics, 'chokepoint_ingest_duplicates_dropped_total'),
    screeningApplied: metricTotal(screeningMetrics, 'chokepoint_screening_events_consumed_total', {
      outcome: 'applied',
    }),
    screeningDeadLetters: await endOffsetTotal(admin, topics.screeningDlq),
    movementsStillParked: metricTotal(screeningMetrics, 'chokepoint_screening_pending_movements'),
    screeningRetries: screeningRetries(screeningMetrics),
    decisions: await endOffsetTotal(admin, topics.decisions),
  }));
  const serviceView = [
    histogramMean(ingestMetrics, 'chokepoint_ingest_chunk_duration_seconds', 'chokepoint_'),
    describeIngestSteps(ingestMetrics),
    ...[
      'chokepoint_screening_chunk_duration_seconds',
      'chokepoint_screening_event_latency_seconds',
      'chokepoint_screening_outbox_publish_latency_seconds',
    ].map((name) => histogramMean(screeningMetrics, name, 'chokepoint_')),
  ].join('; ');
  return { counts, serviceView };
}

/** Ingest has published and remembered its first chunk (polled, as the screening stage polls its marks). */
async function waitForFirstIngestChunk(db: Client, pipeline: Pipeline): Promise<number> {
  for (;;) {
    const { rows } = await db.query<{ seen: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ingest_event_seen) AS seen`,
    );
    if (rows[0]?.seen === true) {
      return Date.now();
    }
    pipeline.ingest.assertRunning();
    pipeline.screening.assertRunning();
    await sleep(20);
  }
}

/**
 * Port records pre-produced as `simulate --kafka` produces them, then drained into decisions by ingest and
 * screening, next to a passthrough of the same records. Timed from ingest's first chunk (process start-up
 * and group joins do not count; that chunk's own decoding is left out, a fraction of a second) until every
 * record is accounted for; the rate counts every record.
 */
export async function endToEndThroughput(
  ctx: BenchContext,
  databaseUrl: string,
  db: Client,
  consignments: number,
): Promise<PhaseResult & { rate: number; passthrough: number }> {
  const topics = topicsOf(ctx, 't');
  const passthroughTopic = `bench.pipeline.${ctx.run}.t.passthrough`;
  await createTopics(ctx, [...Object.values(topics), passthroughTopic]);
  const records = await simulatedPortRecords({ seed: THROUGHPUT_SEED, consignments });
  await produceToKafka(records, {
    brokers: ctx.brokers,
    rate: 0,
    partitions: ctx.partitions,
    topics: { manifests: topics.manifests, movements: topics.movements },
  });
  log(`throughput: ${records.length} port records produced (${consignments} consignments)`);

  const portTopics = [topics.manifests, topics.movements];
  const passthroughRate = await passthrough(ctx, portTopics, passthroughTopic, records.length);
  log(`passthrough: ${passthroughRate.toFixed(0)} records/s`);

  const pipeline = await startPipeline(ctx, databaseUrl, topics);
  const meter = pipelineCpuMeter([pipeline.ingest, pipeline.screening]);
  const first = await waitForFirstIngestChunk(db, pipeline);
  const cpuAtFirst = meter?.read();
  const walWindow = await WalWindow.open(db, ctx.run, log);
  const scanWindow = await SequentialScanWindow.open(db, log);
  await waitUntilAccountedFor(ctx, db, topics, pipeline, records.length, 600_000);
  const rate = records.length / ((Date.now() - first) / 1000);
  const cpu = cpuSince(meter, cpuAtFirst, records.length, 'throughput');
  const wal = await walWindow.close(records.length);
  const result = await account(ctx, topics, pipeline, records.length);
  await stopPipeline(ctx, pipeline);
  const walByRelation = await walWindow.byRelation(records.length);
  const sequentialScans = await scanWindow.close(records.length);
  log(`end to end: ${rate.toFixed(0)} records/s; ${JSON.stringify(result.counts)}`);
  return {
    ...result,
    rate,
    passthrough: passthroughRate,
    cpu,
    wal,
    ...(walByRelation ? { walByRelation } : {}),
    sequentialScans,
  };
}

/**
 * Port records produced at a steady rate with ingest and screening running, first for the warm-up, then
 * for `seconds`; for each decision, the time from producing the port record that triggered it to the
 * decision arriving on the decisions topic, split at the end of the warm-up.
 */
export async function endToEndLatency(
  ctx: BenchContext,
  databaseUrl: string,
  db: Client,
  rate: number,
  seconds: number,
): Promise<PhaseResult & { samples: LatencySamples }> {
  const topics = topicsOf(ctx, 'l');
  await createTopics(ctx, Object.values(topics));
  const warmUpRecords = rate * ctx.warmUpSeconds;
  const total = warmUpRecords + rate * seconds;
  // Spread: a day of twice the records, of which the first `total` go, so that the window is the start of
  // a steady flow rather than a whole day reordered.
  const day = await simulatedPortRecords({
    seed: LATENCY_SEED,
    consignments: Math.ceil(total / 5),
    minRecords: ctx.spreadManifests ? 2 * total : total,
  });
  const records = ctx.spreadManifests ? spreadManifests(day, total) : day.slice(0, total);
  const triggers = records.map(triggerIdsOf);
  const expectedRejections = triggers.filter((trigger) => trigger.rejected).length;
  const manifests = records.filter((record) => record.topic === Topics.portManifests).length;
  log(
    `latency: ${records.length} port records ready, ${manifests} of them manifests` +
      `${ctx.spreadManifests ? ' spread evenly' : ' as the simulated day has them'} ` +
      `(${expectedRejections} the decoder rejects)`,
  );

  const pipeline = await startPipeline(ctx, databaseUrl, topics);
  await pipeline.ingest.waitReady();
  const producedAt = new Map<string, number>();
  const samples: LatencySample[] = [];
  // The same samples by what triggered the decision: a simulated port day opens with a wave of
  // manifests (filed 12-72 h before arrival, so most of a day's fall at its start), and almost every
  // decision is a new consignment's first, so the overall percentiles are mostly those of that wave.
  const byTrigger = new Map<string, LatencySample[]>();
  const unmapped = new Map<string, number>();
  const consumer = await listenForDecisions(ctx, topics.decisions, (decision, arrivedAt) => {
    const sent = producedAt.get(decision.triggeredBy.eventId);
    if (sent === undefined) {
      const type = decision.triggeredBy.type;
      unmapped.set(type, (unmapped.get(type) ?? 0) + 1);
    } else {
      const sample = { atMs: arrivedAt, latencyMs: arrivedAt - sent };
      samples.push(sample);
      const type = decision.triggeredBy.type;
      const ofType = byTrigger.get(type) ?? [];
      ofType.push(sample);
      byTrigger.set(type, ofType);
    }
  });
  // Canonical events as ingest publishes them, mapped back the same way: splits the latency by stage.
  const ingestSamples: LatencySample[] = [];
  const canonicalListener = ctx.splitStages
    ? await listenForJson<CanonicalEvent>(ctx, topics.canonical, (event, arrivedAt) => {
        const sent = producedAt.get(event.kind === 'MANIFEST' ? manifestEventId(event) : event.eventId);
        if (sent !== undefined) {
          ingestSamples.push({ atMs: arrivedAt, latencyMs: arrivedAt - sent });
        }
      })
    : undefined;
  await sleep(1_000);
  const messages = records.map((record) => portMessage(record, topics));
  const meter = pipelineCpuMeter([pipeline.ingest, pipeline.screening]);
  let measuredFrom: { atMs: number; cpu: CpuReading | undefined } | undefined;
  await produceAtRate(ctx, messages, rate, (start, end, at) => {
    if (measuredFrom === undefined && start >= warmUpRecords) {
      measuredFrom = { atMs: at, cpu: meter?.read() };
    }
    for (const id of triggers.slice(start, end).flatMap((trigger) => trigger.ids)) {
      // An amendment sharing its original's timestamp would share its id: keep the first send.
      if (!producedAt.has(id)) {
        producedAt.set(id, at);
      }
    }
  });
  log(`latency: ${records.length} port records produced at ${rate}/s, ${latencyWindow(ctx).warmUp}`);
  await waitUntilAccountedFor(ctx, db, topics, pipeline, records.length, 300_000);
  const measuredStart = measuredFrom ?? { atMs: Number.POSITIVE_INFINITY, cpu: undefined };
  const cpu = cpuSince(meter, measuredStart.cpu, records.length - warmUpRecords, 'latency');
  const result = await account(ctx, topics, pipeline, records.length);
  // The last decisions are on the topic; give the listener the time to read them.
  const deadline = Date.now() + 30_000;
  const received = (): number => samples.length + [...unmapped.values()].reduce((a, b) => a + b, 0);
  while (received() < (result.counts.decisions ?? 0) && Date.now() < deadline) {
    await sleep(50);
  }
  await consumer.disconnect();
  await canonicalListener?.disconnect();
  await stopPipeline(ctx, pipeline);
  const ingestView = canonicalListener
    ? `port record to canonical event (ingest stage, seen by a listener) ${latencyWindow(ctx).measured}: ` +
      describeLatency(splitAtMeasuredStart(ingestSamples, measuredStart.atMs).measured)
    : 'ingest stage not timed apart (--split-stages)';
  const unmappedTotal = received() - samples.length;
  if (unmappedTotal > 0) {
    log(`decisions not mapped to a port record: ${JSON.stringify(Object.fromEntries(unmapped))}`);
  }
  const split = splitAtMeasuredStart(samples, measuredStart.atMs);
  const measuredByTrigger = [...byTrigger].map(
    ([type, typeSamples]) => [type, splitAtMeasuredStart(typeSamples, measuredStart.atMs).measured] as const,
  );
  const triggerView = `${latencyWindow(ctx).measured}, by trigger: ${measuredByTrigger
    .map(([type, typeSamples]) => `${type} ${describeLatency(typeSamples)}`)
    .join('; ')}`;
  const warmUpView =
    ctx.warmUpSeconds > 0 ? `during the warm-up: ${describeLatency(split.warmUp)}` : 'no warm-up';
  log(`services' own view: ${result.serviceView}`);
  log(ingestView);
  log(`decision latency ${triggerView}`);
  if (ctx.warmUpSeconds > 0) {
    log(`decision latency ${warmUpView}`);
  }
  log(`decision latency ${latencyWindow(ctx).measured}: ${describeLatency(split.measured)}`);
  return {
    samples: split,
    counts: { ...result.counts, decoderRejects: expectedRejections, unmappedDecisions: unmappedTotal },
    serviceView: `${result.serviceView}; ${ingestView}; ${triggerView}; ${warmUpView}`,
    cpu,
  };
}

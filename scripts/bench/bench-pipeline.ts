/**
 * npm run bench -- [--stage end-to-end|screening] [--consignments 5000] [--rate 2000] [--seconds 15]
 *                  [--warmup 5] [--partitions 6] [--chunk N] [--latency-only] [--split-stages]
 *                  [--manifest-wave] [--screening-instances 1] [--profile DIR]
 *
 * The pipeline on the real broker and PostgreSQL, each service as its own process (as deployed) on
 * topics, consumer groups and a scratch database of the run's own.
 * --stage end-to-end (default): DCSA records as port systems send them (eBL 3.0 Transport Documents on
 * the manifests topic, TNT 3.0 events on the movements topic, from `chokepoint simulate`'s generator)
 * through ingest and screening to the decisions topic:
 *  1. throughput: `--consignments` of a simulated port day (about 5.5 records each) pre-produced, then
 *     drained by ingest and screening until every record is accounted for (decisions, dead letters,
 *     events that change no decision), against a bare kafkajs consume-and-produce passthrough of the
 *     same port records in the same run;
 *  2. latency: `--rate` port records per second for `--warmup` seconds, then for `--seconds` more; for
 *     each decision, the time from producing the port record that triggered it to the decision arriving
 *     (p50, p95, p99, max). The figures are those of the records produced after the warm-up: the
 *     services start cold (code not yet optimised, connections not yet open) and their first seconds
 *     say more about start-up than about the rate; the warm-up's own figures are reported beside them
 *     (--warmup 0 measures from the first record). --split-stages adds the ingest stage's own latency
 *     (a listener on the canonical topic). The manifests are spread evenly through the stream (each
 *     movement still after its manifest), a stationary mix; --manifest-wave sends them as a simulated
 *     day has them instead, most of them in a wave at its start, and reports the latency per trigger.
 * --stage screening: the same two measures for the screening stage alone, fed canonical events.
 * --chunk N: the services' chunk size (INGEST_CHUNK_SIZE and SCREENING_CHUNK_SIZE) and the passthrough's;
 * without it the services run with their defaults and the passthrough with ingest's.
 * --screening-instances N (end to end): N screening processes in the one consumer group, as a scaled-out
 * deployment runs them (their CPU summed), all ready before ingest starts. Every phase counts the
 * transactions screening ran again (deadlocks, conflicts with a concurrent writer or join) in its counts
 * as screeningRetries.
 * Each phase also reads from /proc the CPU time each process used over its measured window (the
 * services, the broker, PostgreSQL's server and backends, the bench, and the rest of the machine), per
 * event, next to what the 10,000 events/s target would leave per event on the machine's cores, and the
 * throughput phase the bytes of PostgreSQL write-ahead log it wrote per event (unlike CPU time, not a
 * matter of the machine's speed: it moves a few percent between runs, with checkpoints, where CPU time on
 * a shared machine moves by a quarter), and that log by relation, to show which table's writes it is
 * (read with pg_walinspect, kept meanwhile by a temporary replication slot: both need a superuser, as
 * the stack's PostgreSQL has; with another role the bench says so and goes on without it), and the
 * rows PostgreSQL read by sequential scans per table (pg_stat_user_tables): the services find a
 * chunk's rows by key, so a table read whole is a plan gone wrong (postgres-scans.ts).
 * --compare NAME=VALUE[,NAME=VALUE] [--rounds 3]: throughput only, each round twice, once with the
 * services' defaults and once with those settings (names of the services' environments, such as
 * SCREENING_CHUNK_SIZE=2000; one both services have goes to both), in alternating order, each on its
 * own topics and scratch database (with --chunk, both arms get that chunk size unless the settings
 * name one); then the rounds' pairs side by side (rate, CPU and write-ahead log per event) in the log
 * and in results/bench/<time>-<run>-compare.json. On a machine whose speed moves
 * by a quarter between runs, a change is judged by pairs run seconds apart, not by runs minutes apart.
 * Report, JSON and SVG charts in results/bench/<time>-<run>/. Scratch databases, topics, consumer groups
 * and service processes are removed at the end, also on error or Ctrl-C.
 * A shared 2-core machine makes the figures noisy: compare runs, not digits.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { brokerUptimeSeconds, brokerWarmUpNote } from './broker-age';
import { type BenchContext, log } from './pipeline-context';
import { endToEndLatency, endToEndThroughput } from './pipeline-end-to-end';
import { deleteTopicsAndGroups } from './pipeline-kafka';
import {
  type BenchReport,
  type BenchStage,
  describeMachine,
  latencySummary,
  writeBenchReport,
} from './pipeline-report';
import { screeningLatency, screeningThroughput } from './pipeline-screening-stage';
import { cpuFigures } from './process-cpu';
import { describeComparedSettings, parseComparedSettings } from './compared-settings';
import {
  type CompareArm,
  type CompareRun,
  compareSummary,
  describeCompareSummary,
  writeCompareReport,
} from './pipeline-compare';
import { IngestEnvironment } from '../../apps/ingest/src/config/ingest.environment';
import { ScreeningEnvironment } from '../../apps/screening/src/config/screening.environment';
import { exitOnUsage, scriptOptions, stackUpOrExit, wholeNumberOption } from '../script-cli';

const SCRIPT = 'bench';
const USAGE =
  'usage: npm run bench -- [--stage end-to-end|screening] [--consignments 5000] [--rate 2000]\n' +
  '         [--seconds 15] [--warmup 5] [--partitions 6] [--chunk N] [--latency-only]\n' +
  '         [--split-stages] [--manifest-wave] [--screening-instances 1] [--profile DIR]\n' +
  '         [--compare NAME=VALUE[,NAME=VALUE] [--rounds 3]]\n' +
  '(what each does: the header of scripts/bench/bench-pipeline.ts, and the README)';
const args = scriptOptions(SCRIPT, USAGE, {
  stage: { type: 'string', default: 'end-to-end' },
  consignments: { type: 'string', default: '5000' },
  rate: { type: 'string', default: '2000' },
  seconds: { type: 'string', default: '15' },
  /** Latency: seconds at the rate before the measured window, reported apart. */
  warmup: { type: 'string', default: '5' },
  partitions: { type: 'string', default: '6' },
  /** The services' chunk size and the passthrough's; else the services' defaults, the passthrough ingest's. */
  chunk: { type: 'string' },
  'latency-only': { type: 'boolean', default: false },
  /** End to end: time the ingest stage apart too (a listener on the canonical topic, which costs CPU). */
  'split-stages': { type: 'boolean', default: false },
  /** End to end, latency: the simulated day's wave of manifests at its start instead of a stationary mix. */
  'manifest-wave': { type: 'boolean', default: false },
  /** Accepted for earlier command lines: the stationary mix is now the default. */
  'spread-manifests': { type: 'boolean', default: false },
  /** Screening processes in the one consumer group. */
  'screening-instances': { type: 'string', default: '1' },
  /** Writes a V8 CPU profile of each service process into this folder. */
  profile: { type: 'string' },
  /** Throughput only, each round with the services' defaults and with these settings, side by side. */
  compare: { type: 'string' },
  rounds: { type: 'string' },
});
if (args.stage !== 'end-to-end' && args.stage !== 'screening') {
  exitOnUsage(SCRIPT, `--stage must be end-to-end or screening, not ${args.stage}`);
}
if (args['manifest-wave'] && args['spread-manifests']) {
  exitOnUsage(SCRIPT, '--manifest-wave and --spread-manifests contradict each other: give one');
}
const stage: BenchStage = args.stage;
const screeningInstances = wholeNumberOption(SCRIPT, 'screening-instances', args['screening-instances'], 1);
if (stage === 'screening' && screeningInstances > 1) {
  // Its throughput phase pre-produces the events: the first instance would drain them while the others start.
  exitOnUsage(SCRIPT, '--screening-instances above 1 is for the end-to-end stage');
}
const consignments = wholeNumberOption(SCRIPT, 'consignments', args.consignments, 1);
const serviceChunk = args.chunk === undefined ? undefined : wholeNumberOption(SCRIPT, 'chunk', args.chunk, 1);
const rounds = args.rounds === undefined ? 3 : wholeNumberOption(SCRIPT, 'rounds', args.rounds, 1);
/** What points the services at the bench's broker, database, topics and groups: not for comparing. */
const WIRING = new Set([
  'NODE_ENV',
  'KAFKA_BROKERS',
  'KAFKA_TOPIC_PARTITIONS',
  'DATABASE_URL',
  'HTTP_HOST',
  'HTTP_PORT',
  'INGEST_MANIFESTS_TOPIC',
  'INGEST_MOVEMENTS_TOPIC',
  'INGEST_OUTPUT_TOPIC',
  'INGEST_DEAD_LETTER_TOPIC',
  'INGEST_CONSUMER_GROUP',
  'SCREENING_CONSUMER_GROUP',
  'SCREENING_SERVICE_TOKEN',
  'CANONICAL_EVENTS_TOPIC',
  'DECISIONS_TOPIC',
  'DEAD_LETTER_TOPIC',
  'RULES_WATCH',
  'RULES_WATCH_DEBOUNCE_MS',
]);
const compared = args.compare === undefined ? undefined : comparedSettings(args.compare);
if (compared === undefined && args.rounds !== undefined) {
  exitOnUsage(SCRIPT, '--rounds counts the rounds of --compare; give it with --compare');
}
if (compared !== undefined && args['latency-only']) {
  exitOnUsage(SCRIPT, '--compare measures throughput; it does not go with --latency-only');
}

/** A setting both services have (KAFKA_FETCH_MIN_BYTES, say) goes to both. */
function comparedSettings(text: string): Record<string, string> {
  const environments =
    stage === 'end-to-end' ? [IngestEnvironment, ScreeningEnvironment] : [ScreeningEnvironment];
  const parsed = parseComparedSettings(text, environments, WIRING);
  if (!parsed.ok) {
    exitOnUsage(SCRIPT, parsed.problem);
  }
  return parsed.settings;
}
const rate = wholeNumberOption(SCRIPT, 'rate', args.rate, 1);
const seconds = wholeNumberOption(SCRIPT, 'seconds', args.seconds, 1);

stackUpOrExit(SCRIPT);
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const settings = stackSettings();
const run = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
const ctx: BenchContext = {
  run,
  kafka: new Kafka({ clientId: 'bench-pipeline', brokers: settings.brokers, logLevel: logLevel.ERROR }),
  brokers: settings.brokers,
  partitions: wholeNumberOption(SCRIPT, 'partitions', args.partitions, 1),
  chunk: serviceChunk ?? new IngestEnvironment().INGEST_CHUNK_SIZE,
  ...(serviceChunk === undefined ? {} : { serviceChunk }),
  screeningInstances,
  warmUpSeconds: wholeNumberOption(SCRIPT, 'warmup', args.warmup, 0),
  profileDir: args.profile,
  splitStages: args['split-stages'],
  spreadManifests: !args['manifest-wave'],
  topics: new Set(),
  groups: new Set(),
  services: new Set(),
};
const databases: string[] = [];
const clients: Client[] = [];

async function scratchDatabase(phase: 't' | 'l', runName = run): Promise<{ url: string; db: Client }> {
  const name = `chokepoint_bench_${phase}_${runName.toLowerCase()}`;
  databases.push(name);
  const url = await createScratchDatabase(settings.databaseUrl, name);
  const db = new Client({ connectionString: url });
  clients.push(db);
  await db.connect();
  return { url, db };
}

let cleaning: Promise<void> | undefined;

/** Services first (they hold connections and groups), then clients, databases, topics and groups. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const service of [...ctx.services]) {
      await service.stop(ctx);
    }
    for (const db of clients) {
      await db.end().catch(() => undefined);
    }
    for (const name of databases) {
      await dropScratchDatabase(settings.databaseUrl, name).catch((error: unknown) =>
        log(`database ${name} not dropped: ${String(error)}`),
      );
    }
    await deleteTopicsAndGroups(ctx).catch((error: unknown) => log(`clean-up: ${String(error)}`));
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

/**
 * --compare: the throughput phase `rounds` times with the services' defaults and as often with the
 * compared settings, the two in turn (which goes first alternates), each on topics, groups and a scratch
 * database of its own; then the pairs side by side.
 */
async function compareThroughput(settings: Record<string, string>): Promise<void> {
  const runs: CompareRun[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const arms: CompareArm[] = round % 2 === 1 ? ['default', 'compared'] : ['compared', 'default'];
    for (const arm of arms) {
      const armCtx: BenchContext = {
        ...ctx,
        run: `${run}${arm === 'default' ? 'D' : 'C'}${round}`,
        ...(arm === 'compared' ? { serviceEnv: settings } : {}),
      };
      log(`round ${round}/${rounds}, ${arm === 'default' ? 'defaults' : describeComparedSettings(settings)}`);
      const { url, db } = await scratchDatabase('t', armCtx.run);
      const phase =
        stage === 'end-to-end'
          ? await endToEndThroughput(armCtx, url, db, consignments)
          : await screeningThroughput(armCtx, url, db, consignments);
      runs.push({
        arm,
        round,
        rate: phase.rate,
        passthrough: phase.passthrough,
        cpuUsPerEvent: phase.cpu?.totalUsPerEvent ?? Number.NaN,
        walBytesPerEvent: phase.wal?.bytesPerEvent ?? Number.NaN,
      });
    }
  }
  const summary = compareSummary(runs);
  log(describeCompareSummary(summary, describeComparedSettings(settings)));
  const at = new Date().toISOString();
  const file = writeCompareReport({ run, stage, at, compared: settings, consignments, runs, summary });
  log(`comparison written to ${file}`);
}

async function main(): Promise<void> {
  log(`run ${run}, stage ${stage}`);
  const brokerUptime = brokerUptimeSeconds();
  const warmUpNote = brokerWarmUpNote(brokerUptime);
  if (warmUpNote !== undefined) {
    log(warmUpNote);
  }
  if (compared !== undefined) {
    try {
      await compareThroughput(compared);
    } finally {
      await cleanUp();
    }
    return;
  }
  try {
    const throughputPhase = args['latency-only']
      ? undefined
      : await (async () => {
          const { url, db } = await scratchDatabase('t');
          return stage === 'end-to-end'
            ? endToEndThroughput(ctx, url, db, consignments)
            : screeningThroughput(ctx, url, db, consignments);
        })();
    const { url, db } = await scratchDatabase('l');
    const latencyPhase =
      stage === 'end-to-end'
        ? await endToEndLatency(ctx, url, db, rate, seconds)
        : await screeningLatency(ctx, url, db, rate, seconds);
    const measured = throughputPhase?.rate ?? Number.NaN;
    const passthroughRate = throughputPhase?.passthrough ?? Number.NaN;
    const report: BenchReport = {
      run,
      stage,
      at: new Date().toISOString(),
      machine: {
        ...describeMachine(),
        brokerUptimeSecondsAtStart: brokerUptime ?? 'not started by the stack',
      },
      options: {
        stage,
        consignments,
        rate,
        seconds,
        warmupSeconds: ctx.warmUpSeconds,
        partitions: ctx.partitions,
        chunk: ctx.serviceChunk ?? `services' defaults, passthrough ${ctx.chunk}`,
        screeningInstances: ctx.screeningInstances,
        latencyManifests: ctx.spreadManifests ? 'spread evenly' : 'as the day has them',
      },
      throughput: {
        [stage === 'end-to-end' ? 'endToEndEventsPerSecond' : 'screeningEventsPerSecond']:
          Math.round(measured),
        passthroughEventsPerSecond: Math.round(passthroughRate),
        ratioToPassthrough: Number((measured / passthroughRate).toFixed(2)),
      },
      counts: {
        ...(throughputPhase ? { throughput: throughputPhase.counts } : {}),
        latency: latencyPhase.counts,
      },
      latency: latencySummary(rate, latencyPhase.samples.measured),
      latencyWarmUp: {
        seconds: ctx.warmUpSeconds,
        ...latencySummary(rate, latencyPhase.samples.warmUp),
      },
      serviceView: {
        ...(throughputPhase ? { throughput: throughputPhase.serviceView } : {}),
        latency: latencyPhase.serviceView,
      },
      cpu: {
        ...(throughputPhase?.cpu ? { throughput: cpuFigures(throughputPhase.cpu) } : {}),
        ...(latencyPhase.cpu ? { latency: cpuFigures(latencyPhase.cpu) } : {}),
      },
      writeAheadLog: throughputPhase?.wal ? { throughput: { ...throughputPhase.wal } } : {},
      writeAheadLogByRelation: throughputPhase?.walByRelation
        ? { throughput: throughputPhase.walByRelation }
        : {},
      sequentialScans: throughputPhase?.sequentialScans
        ? { throughput: throughputPhase.sequentialScans }
        : {},
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    log(`report written to ${writeBenchReport(report, latencyPhase.samples)}`);
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

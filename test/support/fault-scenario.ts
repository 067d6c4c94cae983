/**
 * The screening fault scenario, shared by `npm run test:faults` (scripts/faults/screening-faults.ts) and
 * the integration suite (test/integration/screening-faults.int-spec.ts).
 *
 * Streams canonical events for a few thousand consignments into screening instances running as real
 * processes, SIGKILLs an instance at random moments (and restarts it), restarts the broker once and cuts
 * PostgreSQL once while the stream flows, then compares the decisions topic with what the replay oracle
 * (ScreeningWorld, as `chokepoint replay` runs it) issues for the same input, consignment by consignment
 * and sequence by sequence: nothing may be lost, duplicated or different, and every malformed record
 * must reach the dead-letter topic exactly once. Topics and a database of its own on the local stack.
 *
 * Restarts, each once mid-stream (the feed pauses while one runs; the services keep working):
 * - broker: FAULTS_RESTART_KAFKA_CMD when set, else the stack script
 *   (`npm run -s stack:down -- kafka && npm run -s stack:up`: only the broker, same data directory), which
 *   needs a broker that `npm run stack:up` started;
 * - PostgreSQL: FAULTS_RESTART_POSTGRES_CMD when set (e.g. `pg_ctlcluster --skip-systemctl-redirect 15
 *   main restart`), else every connection to the scenario's database is dropped with
 *   `pg_terminate_backend`: the services see it as they see a server restart, and it needs neither root
 *   nor a server of the stack's own.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Consumer, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import type { DecisionEvent, RejectionRecord } from '@chokepoint/contracts';
import { createIdempotentProducer, ensureTopics } from '@chokepoint/kafka';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { generateCanonicalStream } from '../../apps/screening/src/testing/canonical-stream.generator';
import { byConsignment, replay, replayOracle } from '../../apps/screening/src/testing/replay-oracle';
import { brokerAnswers as stackBrokerAnswers, kafkaState } from '../../scripts/stack/kafka-broker';

const REPO_ROOT = join(__dirname, '..', '..');

/** The stack script's broker restart: only the broker, on its data directory. */
export const STACK_KAFKA_RESTART_COMMAND = 'npm run -s stack:down -- kafka && npm run -s stack:up';

export type RestartTarget = 'kafka' | 'postgres';
/** stack-script: `npm run stack:*`; command: FAULTS_RESTART_*_CMD; connection-loss: pg_terminate_backend. */
export type RestartKind = 'stack-script' | 'command' | 'connection-loss' | 'custom';

export interface RestartContext {
  brokers: string[];
  /** The scenario's scratch database, and a URL to the stack's own database for admin queries. */
  databaseName: string;
  databaseUrl: string;
  adminDatabaseUrl: string;
  log: (message: string) => void;
}

export interface RestartHook {
  kind: RestartKind;
  /** For the summary, e.g. the command it runs. */
  description: string;
  /** Runs before anything is created; throws when the restart cannot work here. */
  prepare?(context: Omit<RestartContext, 'databaseUrl'>): Promise<void>;
  /** Restarts (or cuts) the target; resolves with what it did, for the summary. */
  run(context: RestartContext): Promise<string>;
}

export interface FaultScenarioOptions {
  consignments?: number;
  /** Canonical events per second. */
  rate?: number;
  /** SIGKILLs, at random moments of the stream; each victim restarts 0.2–2 s later. */
  kills?: number;
  /** Screening processes. */
  instances?: number;
  /** Broker restart: default from FAULTS_RESTART_KAFKA_CMD, else the stack script; false for none. */
  restartKafka?: RestartHook | false;
  /** PostgreSQL fault: default from FAULTS_RESTART_POSTGRES_CMD, else dropped connections; false for none. */
  restartPostgres?: RestartHook | false;
  /** Where each instance's output goes (default .stack/logs/faults-<run>). */
  logDir?: string;
  /** Keep the scratch database and topics even when the run passes (a failed run always keeps them). */
  keep?: boolean;
  /** Progress and summary lines (default: stderr). */
  log?: (message: string) => void;
  /** How long to wait, after the last event, for every record to be applied and published. */
  drainTimeoutMs?: number;
  /** Instance i serves health on basePort + i. */
  basePort?: number;
  /** Aborting stops the scenario at its next step; it still cleans up (instances, clients). */
  signal?: AbortSignal;
}

export interface RestartRecord {
  target: RestartTarget;
  kind: RestartKind;
  description: string;
  detail: string;
  /** Events sent before it ran, and how long it took (the feed pauses meanwhile). */
  afterEvents: number;
  durationMs: number;
}

export interface FaultScenarioResult {
  runId: string;
  databaseName: string;
  logDir: string;
  consignments: number;
  events: number;
  decisions: { expected: number; seen: number };
  lost: number;
  duplicated: number;
  differing: number;
  /** Decisions beyond what the oracle issues (besides duplicates). */
  extra: number;
  deadLetters: { expected: number; seen: number; distinct: number; wrongReason: number };
  killsDone: number;
  restarts: RestartRecord[];
  /** Starts per instance, first start included. */
  instanceStarts: number[];
  /** Instances that exited on their own (and were started again). */
  unexpectedExits: number;
  durationMs: number;
  passed: boolean;
}

function defaultLog(message: string): void {
  process.stderr.write(`[faults ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('fault scenario aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('fault scenario aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function randomBetween(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a shell command in the repository, its output line by line into the log; rejects on failure. */
export function runCommand(command: string, log: (message: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) {
          log(`  | ${line}`);
        }
      }
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`\`${command}\` failed (${signal ?? `exit ${String(code)}`})`));
      }
    });
  });
}

const brokerAnswers = (brokers: string[]): Promise<boolean> => stackBrokerAnswers(brokers.join(','), 3000);

/** Resolves once the broker answers (metadata with a controller); throws after timeoutMs. */
export async function waitForBroker(brokers: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await brokerAnswers(brokers))) {
    if (Date.now() > deadline) {
      throw new Error(`the broker on ${brokers.join(',')} did not answer within ${timeoutMs} ms`);
    }
    await sleep(500);
  }
}

/**
 * The safety net after a broker restart: when the broker does not answer, `npm run -s stack:up`
 * (idempotent) brings it back and waits for it.
 */
export async function ensureBrokerUp(log: (message: string) => void = defaultLog): Promise<void> {
  const { brokers } = stackSettings();
  if (await brokerAnswers(brokers)) {
    return;
  }
  log(`the broker on ${brokers.join(',')} does not answer; running npm run -s stack:up`);
  await runCommand('npm run -s stack:up', log);
  await waitForBroker(brokers);
}

/** A restart that runs a shell command (FAULTS_RESTART_KAFKA_CMD / FAULTS_RESTART_POSTGRES_CMD). */
export function commandRestart(command: string): RestartHook {
  return {
    kind: 'command',
    description: command,
    async run({ log }) {
      await runCommand(command, log);
      return `ran \`${command}\``;
    },
  };
}

/** The broker restart of the project's stack script; the broker must be one `npm run stack:up` started. */
export function stackScriptKafkaRestart(): RestartHook {
  const notOurs = (state: string): Error =>
    new Error(
      `the broker is ${state}, not one \`npm run stack:up\` started: the stack script cannot restart it. ` +
        'Set FAULTS_RESTART_KAFKA_CMD to a command that does, or run without the broker restart.',
    );
  return {
    kind: 'stack-script',
    description: STACK_KAFKA_RESTART_COMMAND,
    async prepare() {
      const state = await kafkaState();
      if (state.kind !== 'running') {
        throw notOurs(state.kind === 'external' ? `external (KAFKA_BROKERS=${state.brokers})` : 'stopped');
      }
    },
    async run({ log }) {
      const before = await kafkaState();
      if (before.kind !== 'running') {
        throw notOurs(before.kind);
      }
      try {
        await runCommand(STACK_KAFKA_RESTART_COMMAND, log);
      } catch (error) {
        // Never leave the shared broker down.
        log(`broker restart failed (${errorText(error)}); running npm run -s stack:up`);
        await runCommand('npm run -s stack:up', log).catch(() => undefined);
        throw error;
      }
      const after = await kafkaState();
      if (after.kind !== 'running' || after.pid === before.pid) {
        throw new Error(`the broker was not restarted (pid ${before.pid} before, ${after.kind} after)`);
      }
      return `broker pid ${before.pid} -> ${after.pid}, same data directory`;
    },
  };
}

/**
 * Drops every connection to the scenario's database: a connection loss, as a server restart looks. When
 * no service holds one at that moment (both instances just killed, say), it waits for one first.
 */
export function terminateConnections(waitForConnectionsMs = 60_000): RestartHook {
  return {
    kind: 'connection-loss',
    description: 'pg_terminate_backend on every connection to the scenario database',
    async run({ adminDatabaseUrl, databaseName, log }) {
      const admin = new Client({ connectionString: adminDatabaseUrl });
      await admin.connect();
      try {
        const deadline = Date.now() + waitForConnectionsMs;
        for (let waited = false; ; waited = true) {
          const { rows } = await admin.query<{ terminated: boolean }>(
            `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
              WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [databaseName],
          );
          const count = rows.filter((row) => row.terminated).length;
          if (count > 0) {
            return `terminated ${count} connections to ${databaseName} (connection loss, not a server restart)`;
          }
          if (Date.now() > deadline) {
            throw new Error(
              `no connection to ${databaseName} to terminate within ${waitForConnectionsMs} ms`,
            );
          }
          if (!waited) {
            log(`no connection to ${databaseName} yet; waiting for a service to open one`);
          }
          await sleep(200);
        }
      } finally {
        await admin.end();
      }
    },
  };
}

export function kafkaRestartFromEnvironment(env: NodeJS.ProcessEnv = process.env): RestartHook {
  const command = env.FAULTS_RESTART_KAFKA_CMD;
  return command ? commandRestart(command) : stackScriptKafkaRestart();
}

export function postgresRestartFromEnvironment(env: NodeJS.ProcessEnv = process.env): RestartHook {
  const command = env.FAULTS_RESTART_POSTGRES_CMD;
  return command ? commandRestart(command) : terminateConnections();
}

/** A screening process; one that exits on its own (not killed or stopped here) is started again. */
class Instance {
  private child: ChildProcess | undefined;
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  starts = 0;
  unexpectedExits = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly log: (message: string) => void,
  ) {}

  start(): void {
    if (this.stopping) {
      return;
    }
    this.starts += 1;
    const out = createWriteStream(join(this.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/screening/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    child.once('exit', (code, signal) => {
      if (this.stopping || this.child !== child) {
        return;
      }
      this.child = undefined;
      this.unexpectedExits += 1;
      this.log(`${this.name} exited on its own (${signal ?? `code ${String(code)}`}); starting it again`);
      this.later(1_000, () => this.start());
    });
    this.child = child;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL, then a start after restartAfterMs. */
  kill(restartAfterMs: number): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
    this.later(restartAfterMs, () => {
      if (!this.running) {
        this.log(`restarting ${this.name}`);
        this.start();
      }
    });
  }

  async ready(timeoutMs = 60_000, signal?: AbortSignal): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const up = await fetch(`http://127.0.0.1:${this.port}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) {
        return;
      }
      await sleep(250, signal);
    }
    throw new Error(`${this.name} did not become ready within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    child.kill('SIGKILL');
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }
}

/**
 * Everything on a topic from the beginning, once per partition and offset: a collector that re-reads
 * after the broker restart does not invent duplicates (a real duplicate sits at another offset).
 *
 * It steps aside while the broker restarts (stop, then start again): a kafkajs consumer that lives
 * through a broker restart keeps its group coordinator's connection outside the client's broker pool,
 * so disconnect() leaves that socket and its heartbeat open and the test process never exits (seen
 * 2026-11-29: TCPSocketWrap and Timeout handles after the last test, heartbeat in the socket's stack).
 */
class OffsetCollector {
  private readonly records = new Map<string, KafkaMessage>();
  private consumer: Consumer | undefined;
  private groupId = `faults-collector-${randomUUID()}`;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<this> {
    const consumer = this.kafka.consumer({ groupId: this.groupId });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopped) {
        this.log(
          `collector for ${this.topic} crashed for good (${payload.error.message}); starting a new one`,
        );
        void consumer.disconnect().catch(() => undefined);
        // Not once stopped: a consumer started after stop() would poll deleted topics for ever and keep
        // the test process alive.
        setTimeout(() => {
          if (!this.stopped) {
            void this.start().catch((error: unknown) => this.log(errorText(error)));
          }
        }, 1_000);
      }
    });
    this.consumer = consumer;
    await consumer.connect();
    if (this.stopped) {
      await consumer.disconnect();
      return this;
    }
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        this.records.set(`${partition}:${message.offset}`, message);
        return Promise.resolve();
      },
    });
    return this;
  }

  get count(): number {
    return this.records.size;
  }

  json<T>(): T[] {
    return [...this.records.values()].map(
      (message) => JSON.parse(message.value?.toString('utf8') ?? 'null') as T,
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }

  /** After stop(): a new consumer in a new group reads the topic again; what was collected stays. */
  async restart(): Promise<this> {
    await this.stop();
    this.stopped = false;
    this.groupId = `faults-collector-${randomUUID()}`;
    return this.start();
  }
}

export async function runFaultScenario(options: FaultScenarioOptions = {}): Promise<FaultScenarioResult> {
  const began = Date.now();
  const log = options.log ?? defaultLog;
  const signal = options.signal;
  const consignments = options.consignments ?? 1500;
  const rate = options.rate ?? 250;
  const kills = options.kills ?? 4;
  const instanceCount = options.instances ?? 2;
  const basePort = options.basePort ?? 23_000;
  const drainTimeoutMs = options.drainTimeoutMs ?? 180_000;
  const restartKafka =
    options.restartKafka === undefined ? kafkaRestartFromEnvironment() : options.restartKafka;
  const restartPostgres =
    options.restartPostgres === undefined ? postgresRestartFromEnvironment() : options.restartPostgres;

  const settings = stackSettings();
  const run = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  const databaseName = `chokepoint_faults_${run.toLowerCase()}`;
  const topics = {
    canonical: `faults.${run}.canonical`,
    decisions: `faults.${run}.decisions`,
    deadLetter: `faults.${run}.dlq`,
  };
  const logDir = options.logDir ?? join(REPO_ROOT, '.stack', 'logs', `faults-${run}`);
  mkdirSync(logDir, { recursive: true });

  const plannedRestarts = [
    ...(restartKafka ? [{ target: 'kafka' as const, hook: restartKafka }] : []),
    ...(restartPostgres ? [{ target: 'postgres' as const, hook: restartPostgres }] : []),
  ];
  const baseContext = {
    brokers: settings.brokers,
    databaseName,
    adminDatabaseUrl: settings.databaseUrl,
    log,
  };
  for (const { hook } of plannedRestarts) {
    await hook.prepare?.(baseContext);
  }

  // Event times a month ahead: wall-clock timers stay unarmed-due, as in the oracle run.
  const startAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const stream = generateCanonicalStream({ runId: `F${run}`, consignments, startAt });
  const expected = replay(
    replayOracle(),
    stream.map((item) => item.event),
  );
  log(
    `run ${run}: ${stream.length} events for ${consignments} consignments, oracle issues ${expected.length} decisions`,
  );
  log(
    `faults: ${kills} SIGKILLs over ${instanceCount} instances; broker restart: ${
      restartKafka ? `${restartKafka.kind} (${restartKafka.description})` : 'off'
    }; PostgreSQL: ${restartPostgres ? `${restartPostgres.kind} (${restartPostgres.description})` : 'off'}`,
  );

  const databaseUrl = await createScratchDatabase(settings.databaseUrl, databaseName);
  const context: RestartContext = { ...baseContext, databaseUrl };
  const kafka = new Kafka({ clientId: 'faults', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), 6);
  await admin.disconnect();
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const decisions = new OffsetCollector(kafka, topics.decisions, log);
  const deadLetters = new OffsetCollector(kafka, topics.deadLetter, log);
  await decisions.start();
  await deadLetters.start();
  // A connection per check, retried: the scenario rides out PostgreSQL faults as the services do.
  const scratchQuery = async <Row extends object>(sql: string): Promise<Row[]> => {
    for (;;) {
      const client = new Client({ connectionString: databaseUrl });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.query<Row>(sql)).rows;
      } catch (error) {
        log(`database not reachable (${errorText(error)}); retrying`);
        await sleep(500, signal);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  };

  const instances = Array.from({ length: instanceCount }, (_, index) => {
    const port = basePort + index;
    return new Instance(
      `screening-${index + 1}`,
      port,
      {
        NODE_ENV: 'development',
        LOG_LEVEL: 'log',
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: settings.brokers.join(','),
        HTTP_PORT: String(port),
        CANONICAL_EVENTS_TOPIC: topics.canonical,
        DECISIONS_TOPIC: topics.decisions,
        DEAD_LETTER_TOPIC: topics.deadLetter,
        SCREENING_CONSUMER_GROUP: `faults-${run}`,
        SCREENING_CHUNK_SIZE: '100',
        OUTBOX_STANDBY_RETRY_MS: '500',
        RULES_WATCH: 'false',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
      logDir,
      log,
    );
  });

  let passed = false;
  let killsDone = 0;
  let malformed = 0;
  const restarts: RestartRecord[] = [];
  try {
    instances.forEach((instance) => instance.start());
    await Promise.all(instances.map((instance) => instance.ready(60_000, signal)));
    log(`${instances.length} screening instances ready`);

    // The stream's own clock stops while a restart runs, so kills and pacing stay spread over the stream.
    const durationMs = (stream.length / rate) * 1000;
    const killAt = Array.from({ length: kills }, () => randomBetween(0.1, 0.95) * durationMs).sort(
      (a, b) => a - b,
    );
    const restartAt = plannedRestarts.map((planned, index) => ({
      ...planned,
      at: ((index + 1) / (plannedRestarts.length + 1)) * durationMs,
      done: false,
    }));
    const started = Date.now();
    let paused = 0;
    let sent = 0;
    const streamClock = (): number => Date.now() - started - paused;
    const killOne = (): boolean => {
      const running = instances.filter((instance) => instance.running);
      const victim = running[Math.floor(Math.random() * running.length)];
      if (!victim) {
        return false;
      }
      log(
        `SIGKILL ${victim.name} at ${(streamClock() / 1000).toFixed(1)} s (${sent}/${stream.length} events sent)`,
      );
      victim.kill(randomBetween(200, 2_000));
      killsDone += 1;
      return true;
    };
    const batch = Math.max(1, Math.round(rate / 20));
    while (sent < stream.length) {
      signal?.throwIfAborted();
      // One kill at a time, and only of a running instance: a due kill waits for one to be up.
      if (killsDone < killAt.length && (killAt[killsDone] ?? Infinity) <= streamClock()) {
        killOne();
      }
      const restart = restartAt.find((r) => !r.done && r.at <= streamClock());
      if (restart) {
        restart.done = true;
        const from = Date.now();
        log(
          `${restart.target === 'kafka' ? 'restarting the broker' : 'PostgreSQL fault'}: ${restart.hook.description} ` +
            `(${sent}/${stream.length} events sent)`,
        );
        if (restart.target === 'kafka') {
          await decisions.stop();
          await deadLetters.stop();
        }
        const detail = await restart.hook.run(context);
        if (restart.target === 'kafka') {
          await waitForBroker(settings.brokers);
          await decisions.restart();
          await deadLetters.restart();
        }
        const took = Date.now() - from;
        paused += took;
        restarts.push({
          target: restart.target,
          kind: restart.hook.kind,
          description: restart.hook.description,
          detail,
          afterEvents: sent,
          durationMs: took,
        });
        log(`${detail} (${(took / 1000).toFixed(1)} s)`);
      }
      const slice = stream.slice(sent, sent + batch);
      // Now and then a record screening cannot read: it must reach the dead-letter topic exactly once.
      const junk =
        sent % 200 < batch ? [{ key: `junk-${sent}`, value: `{"kind":"MANIFEST","oops":${sent}` }] : [];
      malformed += junk.length;
      await producer.send({
        topic: topics.canonical,
        messages: [
          ...slice.map(({ consignmentId, event }) => ({
            key: consignmentId,
            value: JSON.stringify(event),
            headers: { 'chokepoint-event-kind': event.kind, 'chokepoint-schema-version': '1' },
          })),
          ...junk,
        ],
      });
      sent += slice.length;
      const due = started + paused + (sent / rate) * 1000;
      await sleep(Math.max(0, due - Date.now()), signal);
    }
    log(
      `all ${stream.length} events sent in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for decisions`,
    );
    // Kills still due (they wait for a running instance) happen now, before the drain.
    while (killsDone < killAt.length) {
      if (!killOne()) {
        await sleep(250, signal);
      }
    }

    // Done when every record was applied and the outbox is empty; then nothing more can be published.
    const deadline = Date.now() + drainTimeoutMs;
    for (;;) {
      const rows = await scratchQuery<{ processed: string; backlog: string; total: string }>(
        `SELECT (SELECT coalesce(sum(source_offset + 1), 0) FROM processed_event WHERE consumer = 'screening') AS processed,
                (SELECT count(*) FROM outbox) AS backlog,
                (SELECT count(*) FROM outbox) AS total`,
      );
      const processed = Number(rows[0]?.processed ?? 0);
      const backlog = Number(rows[0]?.backlog ?? 0);
      const total = Number(rows[0]?.total ?? 0);
      const published = decisions.count + deadLetters.count;
      if (processed === stream.length + malformed && backlog === 0 && published >= total) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `gave up waiting: ${processed}/${stream.length + malformed} records applied, ${backlog} unpublished, ` +
            `${published}/${total} outbox rows seen on the topics`,
        );
      }
      await sleep(500, signal);
    }

    const actual = decisions.json<DecisionEvent>();
    const ids = new Set(actual.map((d) => d.decisionId));
    const want = byConsignment(expected);
    const got = byConsignment(actual);
    let lost = 0;
    let differing = 0;
    for (const [consignmentId, list] of Object.entries(want)) {
      const mine = got[consignmentId] ?? [];
      list.forEach((decision, index) => {
        const other = mine[index];
        if (!other) {
          lost += 1;
        } else if (JSON.stringify(other) !== JSON.stringify(decision)) {
          differing += 1;
          if (differing <= 3) {
            log(
              `differs at ${consignmentId}#${decision.sequence}:\n  want ${JSON.stringify(decision)}\n  got  ${JSON.stringify(other)}`,
            );
          }
        }
      });
    }
    const rejections = deadLetters.json<RejectionRecord>();
    const rejectedOffsets = new Set(rejections.map((r) => `${r.partition}:${r.offset}`));
    const wrongReason = rejections.filter(
      (r) => !r.errors.some((e) => e.code === 'screening.canonical.not_json'),
    ).length;
    const deadLettersOk =
      rejections.length === malformed && rejectedOffsets.size === malformed && wrongReason === 0;
    log(
      `dead letters: ${malformed} malformed records sent, ${rejections.length} dead-lettered (${rejectedOffsets.size} distinct)`,
    );
    const duplicated = actual.length - ids.size;
    const extra = Math.max(0, actual.length - duplicated - expected.length);
    log(
      `decisions: expected ${expected.length}, published ${actual.length}; lost ${lost}, duplicated ${duplicated}, ` +
        `different ${differing}, extra ${extra}; instance starts ${instances.map((i) => i.starts).join('/')}`,
    );
    const exits = instances.reduce((sum, instance) => sum + instance.unexpectedExits, 0);
    log(
      `faults done: ${killsDone} SIGKILLs (${exits} other exits, restarted); ` +
        restartSummary(restarts, restartKafka, restartPostgres),
    );
    passed = lost + duplicated + differing + extra === 0 && deadLettersOk;
    log(
      passed
        ? 'PASSED: zero lost, zero duplicated, identical to the replay oracle, every malformed record dead-lettered once'
        : 'FAILED',
    );
    return {
      runId: run,
      databaseName,
      logDir,
      consignments,
      events: stream.length,
      decisions: { expected: expected.length, seen: actual.length },
      lost,
      duplicated,
      differing,
      extra,
      deadLetters: {
        expected: malformed,
        seen: rejections.length,
        distinct: rejectedOffsets.size,
        wrongReason,
      },
      killsDone,
      restarts,
      instanceStarts: instances.map((instance) => instance.starts),
      unexpectedExits: exits,
      durationMs: Date.now() - began,
      passed,
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await decisions.stop();
    await deadLetters.stop();
    await producer.disconnect().catch(() => undefined);
    if (!options.keep && passed) {
      await dropScratchDatabase(settings.databaseUrl, databaseName);
      const cleanup = kafka.admin();
      await cleanup
        .connect()
        .then(() => cleanup.deleteTopics({ topics: Object.values(topics) }))
        .catch((error: unknown) => log(`could not delete the run's topics: ${errorText(error)}`));
      await cleanup.disconnect().catch(() => undefined);
    } else {
      log(`kept database ${databaseName} and topics faults.${run}.*; logs in ${logDir}`);
    }
  }
}

function restartSummary(
  restarts: readonly RestartRecord[],
  restartKafka: RestartHook | false,
  restartPostgres: RestartHook | false,
): string {
  const one = (target: RestartTarget, hook: RestartHook | false, label: string): string => {
    if (!hook) {
      return `${label}: off`;
    }
    const done = restarts.filter((r) => r.target === target);
    return done.length === 0
      ? `${label}: not reached`
      : done.map((r) => `${label}: ${r.kind}, ${r.detail}`).join('; ');
  };
  return [
    one('kafka', restartKafka, 'broker restart'),
    one('postgres', restartPostgres, 'PostgreSQL fault'),
  ].join('; ');
}

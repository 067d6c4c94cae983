/**
 * npm run test:faults [-- --consignments 1500 --rate 250 --kills 4 --instances 2 --keep]
 *
 * Streams a few thousand canonical events into screening instances running as real processes, SIGKILLs
 * an instance at random moments (and restarts it), then compares the decisions topic with what the
 * replay oracle (ScreeningWorld) issues for the same input, consignment by consignment and sequence by
 * sequence: nothing may be lost, duplicated or different. Runs on topics and a database of its own on
 * the local stack; the shared broker and PostgreSQL are never restarted by this script.
 *
 * Broker and PostgreSQL restarts: set FAULTS_RESTART_KAFKA_CMD and/or FAULTS_RESTART_POSTGRES_CMD to a
 * command that restarts them (on a stack nobody else uses) and the script runs each once mid-stream.
 */
import 'reflect-metadata';
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import type { DecisionEvent, RejectionRecord } from '@chokepoint/contracts';
import { createIdempotentProducer, ensureTopics } from '@chokepoint/kafka';
import { TopicCollector } from '@chokepoint/testing';
import { generateCanonicalStream } from '../../apps/screening/src/testing/canonical-stream.generator';
import { byConsignment, replay, replayOracle } from '../../apps/screening/src/testing/replay-oracle';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';

const REPO_ROOT = join(__dirname, '..', '..');

const { values: args } = parseArgs({
  options: {
    consignments: { type: 'string', default: '1500' },
    rate: { type: 'string', default: '250' },
    kills: { type: 'string', default: '4' },
    instances: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});

const settings = stackSettings();
const run = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
const databaseName = `chokepoint_faults_${run.toLowerCase()}`;
const topics = {
  canonical: `faults.${run}.canonical`,
  decisions: `faults.${run}.decisions`,
  deadLetter: `faults.${run}.dlq`,
};
const logDir = join(REPO_ROOT, '.stack', 'logs', `faults-${run}`);

function log(message: string): void {
  process.stderr.write(`[faults ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function randomBetween(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

class Instance {
  process: ChildProcess | undefined;
  starts = 0;

  constructor(
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    this.starts += 1;
    const out = createWriteStream(join(logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/screening/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    this.process = child;
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  kill(): void {
    this.process?.kill('SIGKILL');
    this.process = undefined;
  }

  async ready(port: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const up = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) {
        return;
      }
      await sleep(250);
    }
    throw new Error(`${this.name} did not become ready within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    child.kill('SIGKILL');
  }
}

async function main(): Promise<number> {
  mkdirSync(logDir, { recursive: true });
  const consignments = Number(args.consignments);
  const rate = Number(args.rate);
  const kills = Number(args.kills);
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

  const databaseUrl = await createScratchDatabase(settings.databaseUrl, databaseName);
  const kafka = new Kafka({ clientId: 'faults', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), 6);
  await admin.disconnect();
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const decisions = await new TopicCollector(kafka, topics.decisions).start();
  const deadLetters = await new TopicCollector(kafka, topics.deadLetter).start();
  // A connection per check, retried: the script must ride out a PostgreSQL restart as the services do.
  const scratchQuery = async <Row extends object>(sql: string): Promise<Row[]> => {
    for (;;) {
      const client = new Client({ connectionString: databaseUrl });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.query<Row>(sql)).rows;
      } catch (error) {
        log(`database not reachable (${error instanceof Error ? error.message : String(error)}); retrying`);
        await sleep(500);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  };

  const instances = Array.from({ length: Number(args.instances) }, (_, index) => {
    return new Instance(`screening-${index + 1}`, {
      NODE_ENV: 'development',
      LOG_LEVEL: 'log',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: settings.brokers.join(','),
      HTTP_PORT: String(23_000 + index),
      CANONICAL_EVENTS_TOPIC: topics.canonical,
      DECISIONS_TOPIC: topics.decisions,
      DEAD_LETTER_TOPIC: topics.deadLetter,
      SCREENING_CONSUMER_GROUP: `faults-${run}`,
      SCREENING_CHUNK_SIZE: '100',
      OUTBOX_STANDBY_RETRY_MS: '500',
      RULES_WATCH: 'false',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    });
  });
  instances.forEach((instance) => instance.start());
  await Promise.all(instances.map((instance, index) => instance.ready(23_000 + index)));
  log(`${instances.length} screening instances ready`);

  let failed = false;
  try {
    const durationMs = (stream.length / rate) * 1000;
    const killAt = Array.from({ length: kills }, () => randomBetween(0.1, 0.95) * durationMs).sort(
      (a, b) => a - b,
    );
    const externalRestarts = [
      process.env.FAULTS_RESTART_KAFKA_CMD,
      process.env.FAULTS_RESTART_POSTGRES_CMD,
    ].filter((command): command is string => Boolean(command));
    const restartAt = externalRestarts.map((command, index) => ({
      command,
      at: ((index + 1) / (externalRestarts.length + 1)) * durationMs,
    }));
    const started = Date.now();
    const batch = Math.max(1, Math.round(rate / 20));
    let sent = 0;
    let killed = 0;
    let malformed = 0;
    while (sent < stream.length) {
      const elapsed = Date.now() - started;
      while (killed < killAt.length && (killAt[killed] ?? Infinity) <= elapsed) {
        const running = instances.filter((instance) => instance.running);
        const victim = running[Math.floor(Math.random() * running.length)];
        if (victim) {
          log(
            `SIGKILL ${victim.name} at ${(elapsed / 1000).toFixed(1)} s (${sent}/${stream.length} events sent)`,
          );
          victim.kill();
          const delay = randomBetween(200, 2_000);
          setTimeout(() => {
            if (!victim.running) {
              log(`restarting ${victim.name}`);
              victim.start();
            }
          }, delay);
        }
        killed += 1;
      }
      for (const restart of restartAt.filter((r) => r.at <= elapsed)) {
        log(`running ${restart.command}`);
        execSync(restart.command, { stdio: 'inherit' });
        restart.at = Infinity;
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
      const due = started + (sent / rate) * 1000;
      await sleep(Math.max(0, due - Date.now()));
    }
    log(
      `all ${stream.length} events sent in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for decisions`,
    );

    // Done when every record was applied and the outbox is empty; then nothing more can be published.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const rows = await scratchQuery<{ processed: string; backlog: string }>(
        `SELECT (SELECT coalesce(sum(source_offset + 1), 0) FROM processed_event WHERE consumer = 'screening') AS processed,
                (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS backlog`,
      );
      const processed = Number(rows[0]?.processed ?? 0);
      const backlog = Number(rows[0]?.backlog ?? 0);
      const [total] = await scratchQuery<{ count: string }>(`SELECT count(*) FROM outbox`);
      const published = decisions.messages.length + deadLetters.messages.length;
      if (processed === stream.length + malformed && backlog === 0 && published >= Number(total?.count)) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`gave up waiting: ${processed}/${stream.length} applied, ${backlog} unpublished`);
      }
      await sleep(500);
    }

    const actual = decisions.json<DecisionEvent>();
    const ids = new Set(actual.map((d) => d.decisionId));
    const want = byConsignment(expected);
    const got = byConsignment(actual);
    let lost = 0;
    let different = 0;
    for (const [consignmentId, list] of Object.entries(want)) {
      const mine = got[consignmentId] ?? [];
      list.forEach((decision, index) => {
        const other = mine[index];
        if (!other) {
          lost += 1;
        } else if (JSON.stringify(other) !== JSON.stringify(decision)) {
          different += 1;
          if (different <= 3) {
            log(
              `differs at ${consignmentId}#${decision.sequence}:\n  want ${JSON.stringify(decision)}\n  got  ${JSON.stringify(other)}`,
            );
          }
        }
      });
    }
    const rejections = deadLetters.json<RejectionRecord>();
    const rejectedOffsets = new Set(rejections.map((r) => `${r.partition}:${r.offset}`));
    const deadLettersOk =
      rejections.length === malformed &&
      rejectedOffsets.size === malformed &&
      rejections.every((r) => r.errors.some((e) => e.code === 'screening.canonical.not_json'));
    log(
      `dead letters: ${malformed} malformed records sent, ${rejections.length} dead-lettered (${rejectedOffsets.size} distinct)`,
    );
    const duplicated = actual.length - ids.size;
    const extra = actual.length - expected.length;
    log(
      `decisions: expected ${expected.length}, published ${actual.length}; lost ${lost}, duplicated ${duplicated}, ` +
        `different ${different}, extra ${Math.max(0, extra)}; instance starts ${instances.map((i) => i.starts).join('/')}`,
    );
    failed = lost + duplicated + different + Math.max(0, extra) > 0 || !deadLettersOk;
    log(
      failed
        ? 'FAILED'
        : 'PASSED: zero lost, zero duplicated, identical to the replay oracle, every malformed record dead-lettered once',
    );
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await decisions.stop();
    await deadLetters.stop();
    await producer.disconnect();
    if (!args.keep && !failed) {
      await dropScratchDatabase(settings.databaseUrl, databaseName);
    } else {
      log(`kept database ${databaseName}; logs in ${logDir}`);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

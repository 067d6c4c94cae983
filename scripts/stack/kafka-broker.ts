import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kraftClusterId } from './kraft-cluster-id';
import { KAFKA_VERSION, stackPaths } from './stack-paths';
import { livePid, sleep, stopProcess } from './process-control';

export const LOCAL_BROKER = '127.0.0.1:9092';
const CONTROLLER = '127.0.0.1:9093';

export type BrokerState =
  | { kind: 'external'; brokers: string }
  | { kind: 'running'; pid: number; answering: boolean }
  | { kind: 'stopped' };

/** Copies the broker jars from Maven Central once; later runs reuse the cache. */
function ensureBrokerArtifacts(log: (line: string) => void): void {
  if (existsSync(stackPaths.kafkaLibReady)) {
    return;
  }
  log(`fetching Apache Kafka ${KAFKA_VERSION} with Maven (first run only)`);
  mkdirSync(stackPaths.kafkaLib, { recursive: true });
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      stackPaths.pom,
      'package',
      `-Dkafka.version=${KAFKA_VERSION}`,
      `-Dkafka.lib.dir=${stackPaths.kafkaLib}`,
    ],
    { stdio: 'inherit' },
  );
  if (result.error) {
    throw new Error(
      `cannot run mvn (${result.error.message}); install Java 17+ and Maven, or use docker/compose.yaml`,
    );
  }
  if (result.status !== 0) {
    throw new Error(`mvn exited with ${String(result.status)} while fetching Kafka ${KAFKA_VERSION}`);
  }
  writeFileSync(stackPaths.kafkaLibReady, `${new Date().toISOString()}\n`);
}

function serverProperties(): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${CONTROLLER}`,
    `listeners=PLAINTEXT://${LOCAL_BROKER},CONTROLLER://${CONTROLLER}`,
    `advertised.listeners=PLAINTEXT://${LOCAL_BROKER}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${stackPaths.kafkaData}`,
    'num.partitions=6',
    // Topics are created by the services on start; an unexpected topic is a bug to surface.
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=10',
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    'message.max.bytes=2097152',
    '',
  ].join('\n');
}

function javaClasspath(): string {
  return join(stackPaths.kafkaLib, '*');
}

function formatStorageOnce(log: (line: string) => void): void {
  writeFileSync(stackPaths.kafkaConfig, serverProperties());
  if (existsSync(join(stackPaths.kafkaData, 'meta.properties'))) {
    return;
  }
  const clusterId = kraftClusterId();
  log(`formatting KRaft storage (cluster ${clusterId})`);
  const result = spawnSync(
    'java',
    [
      '-cp',
      javaClasspath(),
      `-Dlog4j.configuration=file:${stackPaths.log4j}`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      stackPaths.kafkaConfig,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`kafka StorageTool format failed: ${result.stderr || result.stdout}`);
  }
}

/** Whether the broker answers metadata with a controller within timeoutMs (brokers comma-separated). */
export async function brokerAnswers(brokers: string, timeoutMs: number): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'chokepoint-stack',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function lastLines(file: string, count: number): string {
  if (!existsSync(file)) {
    return '(no log)';
  }
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}

export async function kafkaState(): Promise<BrokerState> {
  const external = process.env.KAFKA_BROKERS;
  if (external) {
    return { kind: 'external', brokers: external };
  }
  const pid = livePid(stackPaths.kafkaPid);
  if (pid === undefined) {
    return { kind: 'stopped' };
  }
  return { kind: 'running', pid, answering: await brokerAnswers(LOCAL_BROKER, 3000) };
}

export async function startKafka(log: (line: string) => void): Promise<string> {
  const state = await kafkaState();
  if (state.kind === 'external') {
    if (!(await brokerAnswers(state.brokers, 5000))) {
      throw new Error(`KAFKA_BROKERS=${state.brokers} does not answer`);
    }
    log(`kafka: using KAFKA_BROKERS=${state.brokers}`);
    return state.brokers;
  }
  if (state.kind === 'running') {
    await waitForBroker(state.pid, log);
    log(`kafka: already running (pid ${state.pid}) on ${LOCAL_BROKER}`);
    return LOCAL_BROKER;
  }
  if (await brokerAnswers(LOCAL_BROKER, 2000)) {
    // Another checkout's stack (or a developer's own broker) already serves this port: share it.
    log(
      `kafka: a broker this stack did not start answers on ${LOCAL_BROKER}; using it (stack:down leaves it alone)`,
    );
    return LOCAL_BROKER;
  }
  ensureBrokerArtifacts(log);
  mkdirSync(stackPaths.kafkaData, { recursive: true });
  mkdirSync(dirname(stackPaths.kafkaLog), { recursive: true });
  formatStorageOnce(log);
  const out = openSync(stackPaths.kafkaLog, 'a');
  const child = spawn(
    'java',
    [
      '-Xms256m',
      '-Xmx1g',
      '-XX:+UseG1GC',
      // C1 only. On a 2-core machine that also runs the services, PostgreSQL and the tests, the C2
      // compiler was still taking 28% of a core six minutes after start (46% of the broker's CPU at
      // 200 records/s), and a broker this stack starts rarely lives much longer (CI restarts it).
      // Measured 2026-11-30 at 200 records/s end to end: the broker at 36-43% of a core and decisions
      // p50 86-87 ms, against 64-81% and 108-170 ms with C2; sustained throughput unchanged (1,509
      // records/s against 1,484-1,497), though the broker then costs 126 µs per record instead of 70.
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${stackPaths.log4j}`,
      `-Dkafka.logs.dir=${dirname(stackPaths.kafkaLog)}`,
      '-cp',
      javaClasspath(),
      'kafka.Kafka',
      stackPaths.kafkaConfig,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  if (child.pid === undefined) {
    throw new Error('could not start java for the Kafka broker');
  }
  child.unref();
  writeFileSync(stackPaths.kafkaPid, `${child.pid}\n`);
  log(`kafka: started pid ${child.pid}, waiting for ${LOCAL_BROKER}`);
  await waitForBroker(child.pid, log);
  return LOCAL_BROKER;
}

async function waitForBroker(pid: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (livePid(stackPaths.kafkaPid) !== pid) {
      throw new Error(
        `the Kafka broker exited during start; last log lines:\n${lastLines(stackPaths.kafkaLog, 30)}`,
      );
    }
    if (await brokerAnswers(LOCAL_BROKER, 3000)) {
      log(`kafka: ready on ${LOCAL_BROKER}`);
      return;
    }
    await sleep(500);
  }
  throw new Error(`the Kafka broker did not answer within 120 s; see ${stackPaths.kafkaLog}`);
}

export async function stopKafka(log: (line: string) => void): Promise<void> {
  const pid = livePid(stackPaths.kafkaPid);
  if (pid === undefined) {
    log('kafka: not running (nothing started by this stack)');
    return;
  }
  log(`kafka: stopping pid ${pid}`);
  await stopProcess(pid, 30_000);
  livePid(stackPaths.kafkaPid);
}

/**
 * The local stack: a real Kafka broker (KRaft, from Maven Central artifacts, started with java) and a
 * real PostgreSQL. `up` is idempotent and returns once both answer; `down` stops only what `up` started,
 * `down kafka` (or `down postgres`) only that one: `stack:down -- kafka && stack:up` restarts the broker
 * alone, on the same data directory (topics and committed offsets survive).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { kafkaState, startKafka, stopKafka } from './kafka-broker';
import { postgresState, startPostgres, stopPostgres } from './postgres-server';
import { stackPaths } from './stack-paths';

const log = (line: string): void => {
  process.stderr.write(`[stack] ${line}\n`);
};

async function up(): Promise<void> {
  const started = Date.now();
  // In turn, not in parallel: the first Kafka start blocks on Maven and would starve PostgreSQL probes.
  const databaseUrl = await startPostgres(log);
  const brokers = await startKafka(log);
  mkdirSync(dirname(stackPaths.stackEnv), { recursive: true });
  writeFileSync(stackPaths.stackEnv, `KAFKA_BROKERS=${brokers}\nDATABASE_URL=${databaseUrl}\n`);
  log(`up in ${((Date.now() - started) / 1000).toFixed(1)} s; settings in ${stackPaths.stackEnv}`);
}

async function down(only: 'kafka' | 'postgres' | undefined): Promise<void> {
  if (only !== 'postgres') {
    await stopKafka(log);
  }
  if (only !== 'kafka') {
    stopPostgres(log);
  }
}

async function status(): Promise<boolean> {
  const [kafka, postgres] = await Promise.all([kafkaState(), postgresState()]);
  let healthy = true;
  switch (kafka.kind) {
    case 'external':
      log(`kafka: external (KAFKA_BROKERS=${kafka.brokers})`);
      break;
    case 'running':
      log(`kafka: pid ${kafka.pid}, ${kafka.answering ? 'answering' : 'NOT answering'} on 127.0.0.1:9092`);
      healthy &&= kafka.answering;
      break;
    case 'stopped':
      log('kafka: stopped');
      healthy = false;
      break;
  }
  if (postgres.kind === 'stopped') {
    log('postgres: no server found (run npm run stack:up)');
    healthy = false;
  } else {
    log(
      `postgres: ${postgres.kind} ${postgres.url.replace(/\/\/[^@]*@/, '//…@')}, ${postgres.answering ? 'answering' : 'NOT answering'}`,
    );
    healthy &&= postgres.answering;
  }
  return healthy;
}

async function main(command: string | undefined, target: string | undefined): Promise<number> {
  switch (command) {
    case 'up':
      await up();
      return 0;
    case 'down':
      if (target !== undefined && target !== 'kafka' && target !== 'postgres') {
        break;
      }
      await down(target);
      return 0;
    case 'status':
      return (await status()) ? 0 : 1;
    default:
      break;
  }
  process.stderr.write('usage: stack.ts up | down [kafka|postgres] | status\n');
  return 2;
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

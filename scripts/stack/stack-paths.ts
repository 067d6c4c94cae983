import { join, resolve } from 'node:path';

export const KAFKA_VERSION = '3.9.1';
export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Everything the stack writes (logs, data, caches, pid files) lives here, git-ignored. */
export const STACK_DIR = process.env.CHOKEPOINT_STACK_DIR ?? join(REPO_ROOT, '.stack');

export const stackPaths = {
  kafkaLib: join(STACK_DIR, 'cache', `kafka-${KAFKA_VERSION}`, 'lib'),
  kafkaLibReady: join(STACK_DIR, 'cache', `kafka-${KAFKA_VERSION}`, '.complete'),
  kafkaData: join(STACK_DIR, 'kafka', 'data'),
  kafkaConfig: join(STACK_DIR, 'kafka', 'server.properties'),
  kafkaPid: join(STACK_DIR, 'kafka', 'kafka.pid'),
  kafkaLog: join(STACK_DIR, 'logs', 'kafka.log'),
  postgresData: join(STACK_DIR, 'postgres', 'data'),
  postgresPid: join(STACK_DIR, 'postgres', 'embedded.json'),
  postgresLog: join(STACK_DIR, 'logs', 'postgres.log'),
  /** Connection settings the stack chose; apps and tests read it (see libs/config). */
  stackEnv: join(STACK_DIR, 'stack.env'),
  pom: join(REPO_ROOT, 'docker', 'kafka', 'pom.xml'),
  log4j: join(REPO_ROOT, 'docker', 'kafka', 'log4j.properties'),
};

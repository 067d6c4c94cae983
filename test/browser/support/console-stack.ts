import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Kafka, Producer } from 'kafkajs';
import { stackSettings } from '@chokepoint/config';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { createIdempotentProducer, createKafka, ensureTopics } from '@chokepoint/kafka';
import { OpsEnvironment } from '../../../apps/ops/src/config/ops.environment';
import { configureOpsHttp } from '../../../apps/ops/src/http/ops-http.setup';
import { OpsModule } from '../../../apps/ops/src/ops.module';
import { UsersService } from '../../../apps/ops/src/users/users.service';
import { ScreeningModule } from '../../../apps/screening/src/screening.module';

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  password: string;
}

/**
 * Screening and ops in this process, on random ports, wired to topics and consumer groups of their
 * own so parallel runs by others never see this run's records. Ops serves the console built from the
 * current sources.
 */
export interface ConsoleStack {
  opsUrl: string;
  kafka: Kafka;
  producer: Producer;
  topics: { canonicalEvents: string; decisions: string };
  createOfficer(name: string): Promise<Officer>;
  close(): Promise<void>;
}

function portOf(app: INestApplication): number {
  return (app.getHttpServer() as { address(): AddressInfo }).address().port;
}

export async function startConsoleStack(webDir: string): Promise<ConsoleStack> {
  const run = randomUUID().slice(0, 8);
  const { brokers, databaseUrl: sharedDatabaseUrl } = stackSettings();
  // A database of the run's own: holds left by other runs (or a demo on the same machine) would
  // otherwise fill the queue's first page, and another screening's relay would publish our outbox.
  const databaseName = `chokepoint_browser_${run.replace(/-/g, '')}`;
  const databaseUrl = await createScratchDatabase(sharedDatabaseUrl, databaseName);
  const topics = {
    canonicalEvents: `test.browser.canonical-events.${run}`,
    decisions: `test.browser.decisions.${run}`,
  };
  const kafka = createKafka({ brokers, clientId: `browser-test-${run}`, topicPartitions: 1 });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [topics.canonicalEvents, topics.decisions], 1);
  await admin.disconnect();
  const producer = createIdempotentProducer(kafka);
  await producer.connect();

  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: brokers.join(','),
    DATABASE_URL: databaseUrl,
    KAFKA_TOPIC_PARTITIONS: '1',
    HTTP_HOST: '127.0.0.1',
    JURISDICTION: 'VN',
  };
  // Each app validates process.env when it is created; set each one's variables just before.
  Object.assign(process.env, common, {
    CANONICAL_EVENTS_TOPIC: topics.canonicalEvents,
    DECISIONS_TOPIC: topics.decisions,
    SCREENING_CONSUMER_GROUP: `browser-test-screening-${run}`,
    RULES_WATCH: 'false',
  });
  const screening = await NestFactory.create(ScreeningModule, { logger: ['error', 'warn'] });
  await screening.listen(0, '127.0.0.1');

  Object.assign(process.env, common, {
    SCREENING_URL: `http://127.0.0.1:${portOf(screening)}`,
    OPS_DECISIONS_TOPIC: topics.decisions,
    OPS_DECISIONS_GROUP_ID: `browser-test-ops-${run}`,
    OPS_WEB_DIR: webDir,
  });
  const ops = await NestFactory.create<NestExpressApplication>(OpsModule, { logger: ['error', 'warn'] });
  configureOpsHttp(ops, ops.get(OpsEnvironment));
  await ops.listen(0, '127.0.0.1');

  const users = ops.get(UsersService);
  const systemActor = {
    kind: 'SERVICE' as const,
    id: randomUUID(),
    username: 'browser-test',
    displayName: 'Browser test setup',
    roles: ['admin' as const],
  };

  return {
    opsUrl: `http://127.0.0.1:${portOf(ops)}`,
    kafka,
    producer,
    topics,
    async createOfficer(name) {
      const username = `bt.${name}.${run}`;
      const password = `pw-${randomUUID()}`;
      const displayName = `Officer ${name} ${run}`;
      const user = await users.create({ username, displayName, password, roles: ['officer'] }, systemActor);
      return { id: user.id, username, displayName, password };
    },
    async close() {
      await ops.close();
      await screening.close();
      await producer.disconnect();
      await dropScratchDatabase(sharedDatabaseUrl, databaseName);
    },
  };
}

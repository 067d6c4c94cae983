/**
 * Starts the ops app in-process on a random port against the real PostgreSQL and Kafka, with users of
 * every role, and speaks to it over real HTTP (global fetch). Shared by the ops-*.int-spec.ts files.
 */
import { randomUUID } from 'node:crypto';
import { type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { stackSettings } from '@chokepoint/config';
import type { DecisionEvent } from '@chokepoint/contracts';
import { ensureTopics } from '@chokepoint/kafka';
import { createDataSource } from '@chokepoint/persistence';
import { hashPassword } from '../../apps/ops/src/auth/password-hasher';
import type { Role } from '../../apps/ops/src/auth/roles';
import { CLOCK, type Clock } from '../../apps/ops/src/clock/clock';
import { OpsEnvironment } from '../../apps/ops/src/config/ops.environment';
import { configureOpsHttp } from '../../apps/ops/src/http/ops-http.setup';
import { OpsModule } from '../../apps/ops/src/ops.module';

export const TEST_PASSWORD = 'correct horse battery staple 42';

/** Wall clock plus an offset the test can move (session expiry, SLA). */
export class MovableClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advanceHours(hours: number): void {
    this.offsetMs += hours * 3_600_000;
  }
}

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface Session {
  cookie: string;
  csrf: string;
  user: TestUser;
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface OpsHarness {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  clock: MovableClock;
  runId: string;
  decisionsTopic: string;
  users: Record<Role, TestUser>;
  kafka: Kafka;
  createUser(role: Role, name?: string): Promise<TestUser>;
  login(user: TestUser, password?: string): Promise<Session>;
  request<T = unknown>(
    method: string,
    path: string,
    options?: { session?: Session; body?: unknown; csrf?: string | null; headers?: Record<string, string> },
  ): Promise<HttpResult<T>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  extraModules?: Array<Type<unknown> | DynamicModule>;
  /** A consumer on a topic of its own, so no other run's decisions arrive. */
  decisionsTopic?: string;
  /** A scratch database instead of the shared one. */
  databaseUrl?: string;
}

export { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';

function withEnv<T>(values: Record<string, string>, action: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return action().finally(() => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  });
}

export async function startOps(options: HarnessOptions = {}): Promise<OpsHarness> {
  const settings = stackSettings();
  const databaseUrl = options.databaseUrl ?? settings.databaseUrl;
  const runId = randomUUID().slice(0, 8);
  const kafka = new Kafka({
    clientId: `it-ops-${runId}`,
    brokers: settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const decisionsTopic = options.decisionsTopic ?? `it.ops.decisions.${runId}`;
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [decisionsTopic], 3);
  await admin.disconnect();

  const clock = new MovableClock();
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: settings.brokers.join(','),
    DATABASE_POOL_SIZE: '6',
    OPS_DECISIONS_TOPIC: decisionsTopic,
    OPS_DECISIONS_GROUP_ID: `it-ops-${runId}`,
    OPS_WEB_DIR: `/nonexistent-${runId}`,
    ...options.env,
  };
  const app = await withEnv(env, async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [OpsModule, ...(options.extraModules ?? [])],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    const nest = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] });
    configureOpsHttp(nest, nest.get(OpsEnvironment));
    await nest.listen(0, '127.0.0.1');
    return nest;
  });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 3 }).initialize();

  const createUser = async (role: Role, name?: string): Promise<TestUser> => {
    const user: TestUser = {
      id: randomUUID(),
      username: `it-${role}-${name ?? 'a'}-${runId}`,
      displayName: `${role} ${name ?? 'a'} ${runId}`,
      role,
    };
    await dataSource.query(
      `INSERT INTO ops_user (id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)`,
      [user.id, user.username, user.displayName, await hashPassword(TEST_PASSWORD), [role]],
    );
    return user;
  };

  const request: OpsHarness['request'] = async (method, path, requestOptions = {}) => {
    const headers: Record<string, string> = { ...requestOptions.headers };
    if (requestOptions.session) {
      headers.cookie = requestOptions.session.cookie;
      const csrf = requestOptions.csrf === undefined ? requestOptions.session.csrf : requestOptions.csrf;
      if (csrf !== null && method !== 'GET') {
        headers['x-csrf-token'] = csrf;
      }
    }
    if (requestOptions.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (static file, event stream)
    }
    return { status: response.status, body: body as never, text, headers: response.headers };
  };

  const login = async (user: TestUser, password = TEST_PASSWORD): Promise<Session> => {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password }),
    });
    if (response.status !== 200) {
      throw new Error(`login of ${user.username} answered ${response.status}: ${await response.text()}`);
    }
    const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
    const csrf = cookies.find((cookie) => cookie.startsWith('cp_csrf='))?.slice('cp_csrf='.length) ?? '';
    return { cookie: cookies.join('; '), csrf, user };
  };

  const users = {
    viewer: await createUser('viewer'),
    officer: await createUser('officer'),
    supervisor: await createUser('supervisor'),
    admin: await createUser('admin'),
  };

  return {
    app,
    baseUrl,
    dataSource,
    clock,
    runId,
    decisionsTopic,
    users,
    kafka,
    createUser,
    login,
    request,
    close: async () => {
      await app.close();
      await dataSource.destroy();
    },
  };
}

/** A pinned decision event with defaults; ids unique per call. */
export function decisionEvent(overrides: Partial<DecisionEvent> & { consignmentId: string }): DecisionEvent {
  return {
    decisionId: randomUUID(),
    sequence: 1,
    decision: 'HOLD' as const,
    stage: 'TRANSSHIPMENT' as const,
    source: 'RULES' as const,
    decidedAt: new Date().toISOString(),
    jurisdiction: 'VN',
    score: 140,
    categories: ['INTEGRITY' as const],
    reasons: [
      {
        ruleId: 'SEAL_MISMATCH' as const,
        outcome: 'HOLD' as const,
        score: 0,
        message: 'seal changed',
        evidence: {},
      },
    ],
    equipmentReferences: ['MSKU2666542'],
    ruleSetVersion: 'test',
    listVersions: {},
    triggeredBy: { type: 'MOVEMENT' as const, eventId: randomUUID() },
    supersedes: null,
    ...overrides,
  };
}

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { stackSettings } from '@chokepoint/config';
import type { ConsignmentManifest, DecisionEvent } from '@chokepoint/contracts';
import { createIdempotentProducer, ensureTopics } from '@chokepoint/kafka';
import { pollUntil, TopicCollector } from '@chokepoint/testing';
import { goodsItem, manifest } from '../../libs/engine/src/testing/manifest.factory';
import { ScreeningModule } from '../../apps/screening/src/screening.module';
import type { HoldSummary } from '../../apps/ops/src/holds/hold-summary';
import {
  createScratchDatabase,
  dropScratchDatabase,
  type OpsHarness,
  type Session,
  startOps,
} from './ops-harness';

interface ErrorBody {
  statusCode: number;
  code: string;
}

/**
 * The two-officer rule end to end against the real screening service, in-process on its own port:
 * a manifest with nuclear goods is screened to HOLD, the decision reaches the ops queue through
 * Kafka, and the release goes back through screening's internal endpoint and out again as an
 * OFFICER RELEASE. Both apps share a scratch database so no other running instance touches the rows.
 */
describe('officer release through the real screening service', () => {
  const settings = stackSettings();
  const run = randomUUID().replace(/-/g, '').slice(0, 8);
  const databaseName = `it_ops_release_${run}`;
  const topics = {
    canonical: `it.ops-release.${run}.canonical`,
    decisions: `it.ops-release.${run}.decisions`,
    deadLetter: `it.ops-release.${run}.dlq`,
  };
  const savedEnvironment = { ...process.env };
  let screening: INestApplication;
  let ops: OpsHarness;
  let producer: Producer;
  let published: TopicCollector;
  let officerA: Session;
  let officerB: Session;

  async function screen(document: ConsignmentManifest): Promise<void> {
    await producer.send({
      topic: topics.canonical,
      messages: [
        {
          key: document.transportDocumentReference,
          value: JSON.stringify(document),
          headers: { 'chokepoint-event-kind': 'MANIFEST', 'chokepoint-schema-version': '1' },
        },
      ],
    });
  }

  async function holdOf(consignmentId: string): Promise<HoldSummary | null> {
    const story = await ops.request<{ hold: HoldSummary | null }>(
      'GET',
      `/api/consignments/${consignmentId}`,
      { session: officerA },
    );
    return story.status === 200 ? story.body.hold : null;
  }

  function release(session: Session, consignmentId: string, reasonCode = 'LICENCE_VERIFIED') {
    return ops.request<HoldSummary & ErrorBody>('POST', `/api/holds/${consignmentId}/release`, {
      session,
      body: { reasonCode, text: 'licence checked with the ministry' },
    });
  }

  function heldConsignment(hsCode: string, description: string): ConsignmentManifest {
    return manifest({
      transportDocumentReference: `OPSREL${randomUUID().slice(0, 8).toUpperCase()}`,
      receivedAt: new Date().toISOString(),
      goodsItems: [goodsItem({ hsCodes: [hsCode], description })],
    });
  }

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(settings.databaseUrl, databaseName);
    const kafka = new Kafka({
      clientId: `it-ops-release-${run}`,
      brokers: settings.brokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, Object.values(topics), 3);
    await admin.disconnect();
    producer = createIdempotentProducer(kafka);
    await producer.connect();
    published = await new TopicCollector(kafka, topics.decisions).start();

    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: settings.brokers.join(','),
      CANONICAL_EVENTS_TOPIC: topics.canonical,
      DECISIONS_TOPIC: topics.decisions,
      DEAD_LETTER_TOPIC: topics.deadLetter,
      SCREENING_CONSUMER_GROUP: `it-ops-release-screening-${run}`,
      OUTBOX_STANDBY_RETRY_MS: '200',
      RULES_WATCH: 'false',
    });
    const moduleRef = await Test.createTestingModule({ imports: [ScreeningModule] }).compile();
    screening = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await screening.listen(0, '127.0.0.1');
    const address = (screening.getHttpServer() as { address(): AddressInfo }).address();

    ops = await startOps({
      databaseUrl,
      decisionsTopic: topics.decisions,
      env: { SCREENING_URL: `http://127.0.0.1:${address.port}` },
    });
    officerA = await ops.login(ops.users.officer);
    officerB = await ops.login(await ops.createUser('officer', 'second'));
  });

  afterAll(async () => {
    await ops?.close();
    await screening?.close();
    await published?.stop();
    await producer?.disconnect();
    process.env = savedEnvironment;
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  it('needs two different officers to release a NUCLEAR hold, and screening publishes the release', async () => {
    const document = heldConsignment('284410', 'natural uranium oxide');
    const consignmentId = document.transportDocumentReference;
    await screen(document);
    const opened = (await pollUntil(
      () => holdOf(consignmentId),
      (hold) => hold?.status === 'OPEN',
      {
        description: 'screening HOLD reaches the ops queue',
        timeoutMs: 60_000,
        intervalMs: 200,
      },
    )) as HoldSummary;
    expect(opened.categories).toContain('NUCLEAR');
    expect(opened.ruleIds).toContain('HS_NUCLEAR');
    expect(opened.portOfLoading).toBe('VNHPH');

    const first = await release(officerA, consignmentId);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('AWAITING_SECOND_OFFICER');

    const again = await release(officerA, consignmentId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('hold.second_officer_required');

    const second = await release(officerB, consignmentId, 'INSPECTION_CLEAR');
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('RELEASED');
    expect(second.body.decisionSequence).toBe(2);

    // Screening issued exactly one OFFICER RELEASE, published on the decisions topic.
    const decisions = await pollUntil(
      () => published.json<DecisionEvent>().filter((decision) => decision.consignmentId === consignmentId),
      (found) => found.length >= 2,
      { description: 'HOLD and OFFICER RELEASE published', timeoutMs: 30_000 },
    );
    expect(decisions.map((decision) => [decision.sequence, decision.decision, decision.source])).toEqual([
      [1, 'HOLD', 'RULES'],
      [2, 'RELEASE', 'OFFICER'],
    ]);
    const actions: Array<{ officer_id: string; status: string }> = await ops.dataSource.query(
      `SELECT officer_id, status FROM officer_action WHERE consignment_id = $1 ORDER BY acted_at`,
      [consignmentId],
    );
    expect(actions).toEqual([
      { officer_id: officerA.user.id, status: 'AWAITING_SECOND_OFFICER' },
      { officer_id: officerB.user.id, status: 'RELEASED' },
    ]);

    // The projection sees the same RELEASE later and changes nothing; the audit trail tells the story.
    const story = await pollUntil(
      () =>
        ops.request<{
          hold: HoldSummary;
          decisions: DecisionEvent[];
          actions: Array<{ type: string; actor: string }>;
        }>('GET', `/api/consignments/${consignmentId}`, { session: officerA }),
      (response) => response.body.decisions.length === 2,
      { description: 'story lists both decisions' },
    );
    expect(story.body.hold.status).toBe('RELEASED');
    expect(story.body.actions.map((action) => [action.type, action.actor])).toEqual([
      ['hold.opened', 'system'],
      ['hold.release_first_approval', officerA.user.username],
      ['hold.released', officerB.user.username],
    ]);
    const after = await release(officerA, consignmentId);
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('hold.invalid_state');
  });

  it('releases a MILITARY hold with one officer', async () => {
    const document = heldConsignment('930190', 'military rifles');
    const consignmentId = document.transportDocumentReference;
    await screen(document);
    const opened = (await pollUntil(
      () => holdOf(consignmentId),
      (hold) => hold?.status === 'OPEN',
      {
        description: 'military HOLD in the queue',
        timeoutMs: 60_000,
        intervalMs: 200,
      },
    )) as HoldSummary;
    expect(opened.categories).toContain('MILITARY');
    expect(opened.categories).not.toContain('NUCLEAR');
    const released = await release(officerA, consignmentId);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('RELEASED');
  });
});

import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import type { CanonicalEvent, DecisionEvent, RejectionRecord } from '@chokepoint/contracts';
import { createIdempotentProducer, ensureTopics } from '@chokepoint/kafka';
import { pollUntil, TopicCollector } from '@chokepoint/testing';
import { goodsItem, manifest, place } from '../../libs/engine/src/testing/manifest.factory';
import { movement } from '../../libs/engine/src/testing/movement.factory';
import { ApplyCanonicalEventsUseCase } from '../../apps/screening/src/canonical-events/apply-canonical-events.usecase';
import { CanonicalEventRejectionCode } from '../../apps/screening/src/canonical-events/canonical-events.exception';
import { DEV_SCREENING_SERVICE_TOKEN } from '../../apps/screening/src/config/screening.environment';
import {
  containerNumber,
  generateCanonicalStream,
} from '../../apps/screening/src/testing/canonical-stream.generator';
import {
  byConsignment,
  createScratchDatabase,
  dropScratchDatabase,
  replay,
  replayOracle,
  runToken,
  startScreening,
  TestClock,
} from './screening-harness';

/**
 * The screening service in-process (the real ScreeningModule) on the real broker and a database of
 * its own: canonical events in, decisions out, compared consignment by consignment with what the
 * replay oracle (ScreeningWorld) issues for the same input. Events of one consignment share a key, as
 * ingest keys them, so their order is the order the oracle sees.
 */
describe('screening service on the real broker and database', () => {
  const settings = stackSettings();
  const run = runToken();
  const databaseName = `chokepoint_it_screening_${run.toLowerCase()}`;
  const topics = {
    canonical: `it.screening.${run}.canonical`,
    decisions: `it.screening.${run}.decisions`,
    deadLetter: `it.screening.${run}.dlq`,
  };
  const kafka = new Kafka({
    clientId: 'it-screening',
    brokers: settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const clock = new TestClock(new Date('2026-02-01T00:00:00.000Z'));
  const savedEnvironment = { ...process.env };
  let databaseUrl: string;
  let producer: Producer;
  let decisions: TopicCollector;
  let deadLetters: TopicCollector;
  let screening: { app: INestApplication; url: string };
  let db: Client;

  async function publish(events: readonly { key: string; event: CanonicalEvent }[]): Promise<void> {
    await producer.send({
      topic: topics.canonical,
      messages: events.map(({ key, event }) => ({
        key,
        value: JSON.stringify(event),
        headers: { 'chokepoint-event-kind': event.kind, 'chokepoint-schema-version': '1' },
      })),
    });
  }

  function published(): DecisionEvent[] {
    return decisions.json<DecisionEvent>();
  }

  function publishedFor(ids: ReadonlySet<string>): DecisionEvent[] {
    return published().filter((decision) => ids.has(decision.consignmentId));
  }

  async function waitForDecisions(
    ids: ReadonlySet<string>,
    count: number,
    description: string,
  ): Promise<DecisionEvent[]> {
    return pollUntil(
      () => publishedFor(ids),
      (found) => found.length >= count,
      { description, timeoutMs: 60_000, intervalMs: 200 },
    );
  }

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    const result = await db.query<{ count: string }>(sql, parameters);
    return Number(result.rows[0]?.count ?? 0);
  }

  async function officerDecision(
    consignmentId: string,
    body: Record<string, unknown>,
    token = DEV_SCREENING_SERVICE_TOKEN,
  ) {
    const response = await fetch(
      `${screening.url}/internal/consignments/${consignmentId}/officer-decisions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(settings.databaseUrl, databaseName);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topics.canonical, topics.decisions, topics.deadLetter], 3);
    await admin.disconnect();
    producer = createIdempotentProducer(kafka);
    await producer.connect();
    decisions = await new TopicCollector(kafka, topics.decisions).start();
    deadLetters = await new TopicCollector(kafka, topics.deadLetter).start();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: settings.brokers.join(','),
      CANONICAL_EVENTS_TOPIC: topics.canonical,
      DECISIONS_TOPIC: topics.decisions,
      DEAD_LETTER_TOPIC: topics.deadLetter,
      SCREENING_CONSUMER_GROUP: `it-screening-${run}`,
      SCREENING_CHUNK_SIZE: '50',
      TIMER_POLL_INTERVAL_MS: '100',
      OUTBOX_STANDBY_RETRY_MS: '200',
      RULES_WATCH: 'false',
    });
    screening = await startScreening(clock);
  });

  afterAll(async () => {
    await screening?.app.close();
    await decisions?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await db?.end();
    process.env = savedEnvironment;
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  it('issues exactly the decisions the replay oracle issues for a stream of manifests and movements', async () => {
    const stream = generateCanonicalStream({
      runId: `A${run}`,
      consignments: 30,
      startAt: '2026-03-01T00:00:00.000Z',
    });
    const expected = replay(
      replayOracle(),
      stream.map((item) => item.event),
    );
    const ids = new Set(stream.map((item) => item.consignmentId));

    await publish(stream.map(({ consignmentId, event }) => ({ key: consignmentId, event })));
    const actual = await waitForDecisions(ids, expected.length, `${expected.length} decisions`);

    expect(byConsignment(actual)).toEqual(byConsignment(expected));
    expect(new Set(expected.map((d) => `${d.stage}:${d.decision}`)).size).toBeGreaterThanOrEqual(6);
    const message = decisions.messages.find((m) => m.key?.toString() === expected[0]?.consignmentId);
    expect(message?.headers?.['chokepoint-decision-id']?.toString()).toBe(expected[0]?.decisionId);
    expect(await count(`SELECT count(*) FROM decision WHERE consignment_id = ANY($1)`, [[...ids]])).toBe(
      expected.length,
    );
  });

  it('keeps a movement that arrives before its manifest and applies it when the manifest comes', async () => {
    const id = `P${run}0001`;
    const box = containerNumber('PMV', Number.parseInt(run.slice(0, 4), 36));
    const early = movement({
      trd: id,
      equipmentReference: box,
      eventCode: 'GTIN',
      at: '2026-03-01T07:00:00.000Z',
    });
    const late = manifest({
      transportDocumentReference: id,
      receivedAt: '2026-03-01T08:00:00.000Z',
      goodsItems: [goodsItem({ equipmentReferences: [box] })],
      equipment: [{ reference: box, referenceCheckDigitValid: true, seals: [{ number: 'SL-1001' }] }],
    });

    await publish([{ key: id, event: early }]);
    await pollUntil(
      () => count(`SELECT count(*) FROM pending_movement WHERE $1 = ANY(pending_keys)`, [`TRD:${id}`]),
      (parked) => parked === 1,
      { description: 'movement parked under its transport document' },
    );
    await publish([{ key: id, event: late }]);
    const [decision] = await waitForDecisions(new Set([id]), 1, 'decision on the manifest');

    expect(decision).toEqual(replay(replayOracle(), [early, late])[0]);
    expect(
      await count(`SELECT count(*) FROM pending_movement WHERE $1 = ANY(pending_keys)`, [`TRD:${id}`]),
    ).toBe(0);
    const state = await db.query<{ state: { movements: { eventId: string }[] } }>(
      `SELECT state FROM consignment WHERE id = $1`,
      [id],
    );
    expect(state.rows[0]?.state.movements.map((m) => m.eventId)).toEqual([early.eventId]);
  });

  it('lets a manifest and its movement meet when two transactions apply them at the same moment', async () => {
    const apply = screening.app.get(ApplyCanonicalEventsUseCase);
    const pairs = Array.from({ length: 25 }, (_, index) => {
      const id = `M${run}${String(index).padStart(4, '0')}`;
      const box = containerNumber('MRC', Number.parseInt(run.slice(0, 4), 36) + index);
      const byBooking = index % 2 === 1;
      const arrival = movement({
        trd: byBooking ? null : id,
        ...(byBooking ? { documentReferences: [{ type: 'BKG', value: `BK${id}` }] } : {}),
        equipmentReference: box,
        eventCode: 'GTIN',
        at: '2026-03-01T09:00:00.000Z',
      });
      const documents = manifest({
        transportDocumentReference: id,
        bookingReferences: [`BK${id}`],
        goodsItems: [goodsItem({ equipmentReferences: [box] })],
        equipment: [{ reference: box, referenceCheckDigitValid: true, seals: [{ number: 'SL-1001' }] }],
      });
      return { id, arrival, documents };
    });
    // Each record on a partition of its own, as two consumers of one group would see them.
    const at = (event: CanonicalEvent, partition: number) => ({
      record: {
        topic: `race.${run}`,
        partition,
        offset: '0',
        key: null,
        value: Buffer.from(JSON.stringify(event)),
        headers: {},
        timestamp: new Date().toISOString(),
      },
      decoded: { ok: true as const, event },
    });

    await Promise.all(
      pairs.flatMap(({ arrival, documents }, index) => [
        apply.execute([at(arrival, 2 * index)]),
        apply.execute([at(documents, 2 * index + 1)]),
      ]),
    );

    const states = await db.query<{ id: string; state: { movements: { eventId: string }[] } }>(
      `SELECT id, state FROM consignment WHERE id = ANY($1)`,
      [pairs.map((pair) => pair.id)],
    );
    const joined = new Map(states.rows.map((row) => [row.id, row.state.movements.map((m) => m.eventId)]));
    expect(pairs.map(({ id }) => [id, joined.get(id)])).toEqual(
      pairs.map(({ id, arrival }) => [id, [arrival.eventId]]),
    );
    expect(
      await count(`SELECT count(*) FROM pending_movement WHERE pending_keys && $1::text[]`, [
        pairs.flatMap(({ id }) => [`TRD:${id}`, `BKG:BK${id}`]),
      ]),
    ).toBe(0);
  });

  it('dead-letters undecodable records and records the engine throws on, and keeps the partition flowing', async () => {
    const id = `D${run}0001`;
    const valid = manifest({ transportDocumentReference: id });
    // Passes the shape check but not the engine: a UN/LOCODE that is a number.
    const poison = { ...valid, route: { ...valid.route, portOfLoading: { unLocode: 5 } } };
    await producer.send({
      topic: topics.canonical,
      messages: [
        {
          key: id,
          value: JSON.stringify({ kind: 'MANIFEST', schemaVersion: 1, transportDocumentReference: id }),
        },
        { key: id, value: JSON.stringify(poison) },
        { key: id, value: JSON.stringify(valid) },
      ],
    });

    const [undecodable, poisoned] = await pollUntil(
      () => deadLetters.json<RejectionRecord>().filter((r) => r.key === id),
      (found) => found.length === 2,
      { description: 'two dead letters' },
    );
    const [decision] = await waitForDecisions(new Set([id]), 1, 'decision on the valid manifest behind them');
    expect(undecodable?.sourceTopic).toBe(topics.canonical);
    expect(undecodable?.errors.every((e) => e.code.startsWith(CanonicalEventRejectionCode.Invalid))).toBe(
      true,
    );
    expect(undecodable?.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['receivedAt', 'goodsItems']),
    );
    expect(poisoned?.errors.map((e) => e.code)).toEqual([CanonicalEventRejectionCode.EngineFailure]);
    expect(decision).toEqual(replay(replayOracle(), [valid])[0]);
  });

  it('releases a hold through the officer endpoint as an OFFICER decision with the next sequence, once', async () => {
    const id = `O${run}0001`;
    const held = manifest({
      transportDocumentReference: id,
      goodsItems: [goodsItem({ hsCodes: ['930190'], description: 'Artillery weapons' })],
    });
    await publish([{ key: id, event: held }]);
    const [hold] = await waitForDecisions(new Set([id]), 1, 'the rules HOLD');
    expect(hold).toMatchObject({ decision: 'HOLD', source: 'RULES', sequence: 1 });

    const actionId = randomUUID();
    const body = {
      actionId,
      officerId: 'officer-17',
      action: 'RELEASE',
      reasonCode: 'LICENCE_PRESENTED',
      text: 'seen',
    };
    const first = await officerDecision(id, body);
    const again = await officerDecision(id, body);
    const [, release] = await waitForDecisions(new Set([id]), 2, 'the officer RELEASE');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'RELEASED',
      decision: { decision: 'RELEASE', source: 'OFFICER', sequence: 2 },
    });
    expect(again.body).toEqual(first.body);
    expect(release).toEqual(first.body.decision);
    expect(release).toMatchObject({
      supersedes: hold?.decisionId,
      triggeredBy: { type: 'OFFICER', eventId: actionId },
    });
    expect(await count(`SELECT count(*) FROM decision WHERE consignment_id = $1`, [id])).toBe(2);

    const wrongToken = await officerDecision(
      id,
      { ...body, actionId: randomUUID() },
      'not-the-token-at-all-00000000',
    );
    const invalid = await officerDecision(id, { ...body, actionId: 'nope', action: 'MAYBE' });
    const unknown = await officerDecision(`X${run}9999`, { ...body, actionId: randomUUID() });
    expect(wrongToken.status).toBe(401);
    expect(invalid.status).toBe(400);
    expect((invalid.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'action',
      'actionId',
    ]);
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'screening.officer_decision.consignment_not_found' },
    });
  });

  it('needs two different officers to release a nuclear hold', async () => {
    const id = `N${run}0001`;
    await publish([
      {
        key: id,
        event: manifest({
          transportDocumentReference: id,
          goodsItems: [goodsItem({ hsCodes: ['284410'], description: 'Natural uranium compounds' })],
        }),
      },
    ]);
    await waitForDecisions(new Set([id]), 1, 'the rules HOLD');
    const act = (officerId: string) =>
      officerDecision(id, {
        actionId: randomUUID(),
        officerId,
        action: 'RELEASE',
        reasonCode: 'END_USE_VERIFIED',
      });

    const firstOfficer = await act('officer-1');
    const sameOfficer = await act('officer-1');
    const secondOfficer = await act('officer-2');

    expect([firstOfficer, sameOfficer, secondOfficer].map((r) => r.body.status)).toEqual([
      'AWAITING_SECOND_OFFICER',
      'SAME_OFFICER_AGAIN',
      'RELEASED',
    ]);
    const all = await waitForDecisions(new Set([id]), 2, 'the release');
    expect(all.map((d) => [d.sequence, d.decision, d.source])).toEqual([
      [1, 'HOLD', 'RULES'],
      [2, 'RELEASE', 'OFFICER'],
    ]);
  });

  it('treats redelivered records as already applied: no decision twice', async () => {
    const before = published().length;
    const applied = await count(
      `SELECT sum(source_offset + 1) AS count FROM processed_event WHERE consumer = 'screening' AND source_topic = $1`,
      [topics.canonical],
    );
    await screening.app.close();
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: `it-screening-${run}`, topic: topics.canonical, earliest: true });
    await admin.disconnect();

    screening = await startScreening(clock);
    await pollUntil(
      async () => (await fetch(`${screening.url}/metrics`)).text(),
      (text) => duplicatesCounted(text) >= applied,
      { description: `${applied} redelivered records skipped`, timeoutMs: 60_000 },
    );

    expect(await count(`SELECT count(*) FROM outbox`)).toBe(0);
    expect(await count(`SELECT count(*) FROM decision`)).toBe(before);
    expect(deadLetters.messages).toHaveLength(2);
    expect(published()).toHaveLength(before);
  });

  it('loses and duplicates nothing when the service is restarted mid-stream', async () => {
    const stream = generateCanonicalStream({
      runId: `R${run}`,
      consignments: 150,
      startAt: '2026-03-02T00:00:00.000Z',
    });
    const expected = replay(
      replayOracle(),
      stream.map((item) => item.event),
    );
    const ids = new Set(stream.map((item) => item.consignmentId));
    const keyed = stream.map(({ consignmentId, event }) => ({ key: consignmentId, event }));

    await publish(keyed.slice(0, 200));
    await waitForDecisions(ids, 10, 'first decisions of the stream');
    await publish(keyed.slice(200));
    await screening.app.close();
    screening = await startScreening(clock);
    const actual = await waitForDecisions(
      ids,
      expected.length,
      `${expected.length} decisions after the restart`,
    );

    expect(byConsignment(actual)).toEqual(byConsignment(expected));
    expect(new Set(actual.map((d) => d.decisionId)).size).toBe(actual.length);
  });

  it('fires a transit timer once on the wall clock and holds the consignment that never left', async () => {
    const id = `T${run}0001`;
    const toKunming = manifest({
      transportDocumentReference: id,
      route: {
        portOfLoading: place('SGSIN'),
        portOfDischarge: place('VNHPH'),
        placeOfDelivery: place('CNKMG'),
        onCarriageBy: 'RAIL',
      },
      receivedAt: '2026-03-10T00:00:00.000Z',
    });
    const arrival = movement({ trd: id, eventCode: 'DISC', at: '2026-03-11T00:00:00.000Z' });
    const oracle = replayOracle();
    const expected = replay(oracle, [toKunming, arrival]);
    expected.push(
      ...(JSON.parse(
        JSON.stringify(oracle.advanceTo('2026-04-01T00:00:00.000Z').decisions),
      ) as DecisionEvent[]),
    );

    await publish([toKunming, arrival].map((event) => ({ key: id, event })));
    await waitForDecisions(new Set([id]), 1, 'the RELEASE');
    await pollUntil(
      () =>
        count(`SELECT count(*) FROM screening_timer WHERE consignment_id = $1 AND fired_at IS NULL`, [id]),
      (armed) => armed === 1,
      { description: 'transit timer armed' },
    );
    clock.set('2026-03-14T00:00:01.000Z');
    const actual = await waitForDecisions(new Set([id]), 2, 'the TRANSIT_OVERDUE hold');

    expect(actual).toEqual(expected);
    expect(actual[1]).toMatchObject({
      decision: 'HOLD',
      decidedAt: '2026-03-14T00:00:00.000Z',
      reasons: [expect.objectContaining({ ruleId: 'TRANSIT_OVERDUE' })],
    });
    expect(
      await count(`SELECT count(*) FROM screening_timer WHERE consignment_id = $1 AND fired_at IS NOT NULL`, [
        id,
      ]),
    ).toBe(1);
  });
});

function duplicatesCounted(metrics: string): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (
      line.startsWith('chokepoint_screening_events_consumed_total{') &&
      line.includes('outcome="duplicate"')
    ) {
      total += Number(line.split(' ').pop());
    }
  }
  return total;
}

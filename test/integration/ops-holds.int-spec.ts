import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { DecisionEvent } from '@chokepoint/contracts';
import { applyManifest, applyMovement } from '@chokepoint/engine';
import { createIdempotentProducer } from '@chokepoint/kafka';
import { pollUntil } from '@chokepoint/testing';
import { goodsItem, manifest } from '../../libs/engine/src/testing/manifest.factory';
import { movement } from '../../libs/engine/src/testing/movement.factory';
import { screeningContext } from '../../libs/engine/src/testing/test-context';
import type { HoldSummary } from '../../apps/ops/src/holds/hold-summary';
import { decisionEvent, type OpsHarness, type Session, startOps } from './ops-harness';
import { SseClient } from './ops-sse-client';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fieldErrors?: Array<{ field: string; code: string; message: string }>;
}

interface HoldPage {
  items: HoldSummary[];
  nextCursor: string | null;
  counts: { total: number; byStatus: Record<string, number>; bySla: Record<string, number> };
}

/**
 * The hold queue end to end on the real broker and database: decisions produced to Kafka become
 * holds, officers work them over HTTP, live updates stream out, and the audit chain holds.
 */
describe('ops hold queue (real Kafka, PostgreSQL, HTTP)', () => {
  let ops: OpsHarness;
  let producer: Producer;
  let officer: Session;
  let officer2: Session;
  let supervisor: Session;
  let viewer: Session;
  const fixtureIds: string[] = [];
  let seq = 0;

  const newId = (): string =>
    `ITOPS${(++seq).toString().padStart(3, '0')}${randomUUID().slice(0, 8).toUpperCase()}`;

  async function produce(...decisions: Array<DecisionEvent | string>): Promise<void> {
    await producer.send({
      topic: ops.decisionsTopic,
      messages: decisions.map((decision) =>
        typeof decision === 'string'
          ? { key: 'garbage', value: decision }
          : { key: decision.consignmentId, value: JSON.stringify(decision) },
      ),
    });
  }

  async function hold(consignmentId: string): Promise<HoldSummary | null> {
    const story = await ops.request<{ hold: HoldSummary | null }>(
      'GET',
      `/api/consignments/${consignmentId}`,
      {
        session: viewer,
      },
    );
    return story.status === 200 ? story.body.hold : null;
  }

  async function holdWhere(
    consignmentId: string,
    accept: (found: HoldSummary) => boolean,
    description: string,
  ): Promise<HoldSummary> {
    const found = await pollUntil(
      () => hold(consignmentId),
      (value) => value !== null && accept(value),
      {
        description,
        timeoutMs: 45_000,
      },
    );
    return found as HoldSummary;
  }

  async function openHold(overrides: Partial<DecisionEvent> = {}): Promise<string> {
    const consignmentId = newId();
    await produce(decisionEvent({ consignmentId, ...overrides }));
    await holdWhere(consignmentId, (found) => found.status === 'OPEN', `hold ${consignmentId} opened`);
    return consignmentId;
  }

  beforeAll(async () => {
    // Screening on a closed port: release attempts must surface the gateway error.
    ops = await startOps({ env: { SCREENING_URL: 'http://127.0.0.1:9', SCREENING_TIMEOUT_MS: '1000' } });
    producer = createIdempotentProducer(ops.kafka);
    await producer.connect();
    officer = await ops.login(ops.users.officer);
    officer2 = await ops.login(await ops.createUser('officer', 'b'));
    supervisor = await ops.login(ops.users.supervisor);
    viewer = await ops.login(ops.users.viewer);
  });

  afterAll(async () => {
    await producer.disconnect();
    for (const id of fixtureIds) {
      await ops.dataSource.query(`DELETE FROM decision WHERE consignment_id = $1`, [id]);
      await ops.dataSource.query(`DELETE FROM consignment WHERE id = $1`, [id]);
    }
    await ops.close();
  });

  it('projects HOLD and RELEASE decisions from Kafka, keeps the highest sequence and streams the changes', async () => {
    const stream = await SseClient.open(`${ops.baseUrl}/api/events`, viewer.cookie);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    try {
      const consignmentId = newId();
      const first = decisionEvent({ consignmentId, sequence: 1, score: 140 });
      // An unreadable record first: it is dead-lettered and the partition keeps flowing.
      await produce('{not json', first, first);
      const opened = await holdWhere(consignmentId, (found) => found.status === 'OPEN', 'hold opened');
      expect(opened).toMatchObject({
        consignmentId,
        status: 'OPEN',
        stage: 'TRANSSHIPMENT',
        categories: ['INTEGRITY'],
        ruleIds: ['SEAL_MISMATCH'],
        score: 140,
        heldAt: first.decidedAt.replace(/Z$/, 'Z'),
        deadlineBasis: 'CONFIGURED',
        slaState: 'OK',
        assignee: null,
        decisionSequence: 1,
      });
      expect(Date.parse(opened.deadline) - Date.parse(opened.heldAt)).toBe(24 * 3_600_000);

      const second = decisionEvent({
        consignmentId,
        sequence: 2,
        score: 200,
        categories: ['SANCTIONS'],
        reasons: [{ ruleId: 'PARTY_SANCTIONED', outcome: 'HOLD', score: 0, message: 'hit', evidence: {} }],
      });
      const stale = decisionEvent({ consignmentId, sequence: 1, score: 1 });
      await produce(second, stale);
      const updated = await holdWhere(consignmentId, (found) => found.decisionSequence === 2, 'hold updated');
      expect(updated.ruleIds.sort()).toEqual(['PARTY_SANCTIONED', 'SEAL_MISMATCH']);
      expect(updated.categories.sort()).toEqual(['INTEGRITY', 'SANCTIONS']);
      expect(updated.score).toBe(200);
      expect(updated.heldAt).toBe(opened.heldAt);

      await produce(
        decisionEvent({
          consignmentId,
          sequence: 3,
          decision: 'RELEASE',
          source: 'OFFICER',
          categories: [],
          reasons: [],
          score: 0,
        }),
      );
      const released = await holdWhere(
        consignmentId,
        (found) => found.status === 'RELEASED',
        'hold released',
      );
      expect(released.decisionSequence).toBe(3);

      await pollUntil(
        () =>
          stream.events.filter(
            (event) => (event.data as { consignmentId?: string }).consignmentId === consignmentId,
          ),
        (events) => events.some((event) => event.event === 'hold.removed'),
        { description: 'hold.removed streamed', timeoutMs: 20_000 },
      );
      const mine = stream.events.filter(
        (event) => (event.data as { consignmentId?: string }).consignmentId === consignmentId,
      );
      expect(mine.map((event) => event.event)).toContain('hold.upserted');
      expect(mine.find((event) => event.event === 'hold.upserted')?.data).toMatchObject({
        consignmentId,
        status: 'OPEN',
      });

      // The duplicate and the stale decision changed nothing: one audit entry per applied decision.
      const story = await ops.request<{ actions: Array<{ type: string; actor: string }> }>(
        'GET',
        `/api/consignments/${consignmentId}`,
        { session: viewer },
      );
      expect(story.body.actions.map((action) => action.type)).toEqual([
        'hold.opened',
        'hold.updated',
        'hold.released',
      ]);
      expect(story.body.actions.every((action) => action.actor === 'system')).toBe(true);

      // The projection reports its consumer lag: nothing left behind the last committed chunk.
      const metrics = await ops.request('GET', '/metrics');
      expect(metrics.text).toMatch(
        /^chokepoint_consumer_lag\{group="[^"]+",topic="[^"]+",partition="\d+",service="ops"\} 0$/m,
      );
    } finally {
      stream.close();
    }
  });

  it('works a hold: claim, assign, notes, information requests that pause the SLA, referral and seizure', async () => {
    const consignmentId = await openHold();
    const path = `/api/holds/${consignmentId}`;

    const claimed = await ops.request<HoldSummary>('POST', `${path}/claim`, { session: officer });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      status: 'CLAIMED',
      assignee: { id: officer.user.id, displayName: officer.user.displayName },
    });

    const taken = await ops.request<ErrorBody>('POST', `${path}/claim`, { session: officer2 });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('hold.claimed_by_other');

    const badAssignee = await ops.request<ErrorBody>('POST', `${path}/assign`, {
      session: supervisor,
      body: { userId: ops.users.viewer.id },
    });
    expect(badAssignee.status).toBe(400);
    expect(badAssignee.body.fieldErrors?.[0]?.field).toBe('userId');
    const assigned = await ops.request<HoldSummary>('POST', `${path}/assign`, {
      session: supervisor,
      body: { userId: officer2.user.id },
    });
    expect(assigned.body.assignee?.id).toBe(officer2.user.id);

    const script = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    expect(
      (await ops.request('POST', `${path}/notes`, { session: officer2, body: { text: script } })).status,
    ).toBe(200);

    const before = assigned.body.deadline;
    const paused = await ops.request<HoldSummary>('POST', `${path}/request-info`, {
      session: officer2,
      body: { text: 'licence copy please' },
    });
    expect(paused.body).toMatchObject({ status: 'INFO_REQUESTED', slaState: 'PAUSED' });
    expect(
      (
        await ops.request<ErrorBody>('POST', `${path}/request-info`, {
          session: officer2,
          body: { text: 'again' },
        })
      ).body.code,
    ).toBe('hold.invalid_state');
    ops.clock.advanceHours(2);
    try {
      const resumed = await ops.request<HoldSummary>('POST', `${path}/info-received`, {
        session: officer2,
        body: { text: 'licence received' },
      });
      expect(resumed.body.status).toBe('CLAIMED');
      expect(Date.parse(resumed.body.deadline) - Date.parse(before)).toBeGreaterThanOrEqual(
        2 * 3_600_000 - 1_000,
      );
      expect(Date.parse(resumed.body.deadline) - Date.parse(before)).toBeLessThanOrEqual(
        2 * 3_600_000 + 5_000,
      );
    } finally {
      ops.clock.advanceHours(-2);
    }
    const row: Array<{ sla_pauses: Array<{ from: string; to: string | null }> }> = await ops.dataSource.query(
      `SELECT sla_pauses FROM ops_hold WHERE consignment_id = $1`,
      [consignmentId],
    );
    expect(row[0]?.sla_pauses).toHaveLength(1);
    expect(row[0]?.sla_pauses[0]?.to).not.toBeNull();

    expect(
      (
        await ops.request<HoldSummary>('POST', `${path}/refer-inspection`, {
          session: officer2,
          body: { text: 'x-ray' },
        })
      ).body.status,
    ).toBe('REFERRED');
    const officerSeizure = await ops.request<ErrorBody>('POST', `${path}/seizure`, {
      session: officer2,
      body: { text: 'no' },
    });
    expect(officerSeizure.status).toBe(403);
    const seized = await ops.request<HoldSummary>('POST', `${path}/seizure`, {
      session: supervisor,
      body: { text: 'undeclared centrifuge parts' },
    });
    expect(seized.body.status).toBe('SEIZED');
    const afterSeizure = await ops.request<ErrorBody>('POST', `${path}/release`, {
      session: officer,
      body: { reasonCode: 'FALSE_POSITIVE_MATCH', text: '' },
    });
    expect(afterSeizure.status).toBe(409);
    expect(afterSeizure.body.code).toBe('hold.invalid_state');

    // Notes come back exactly as written, as JSON text: the console renders them as text.
    const story = await ops.request<{
      notes: Array<{ text: string; author: string }>;
      actions: Array<{ type: string; actor: string }>;
    }>('GET', `/api/consignments/${consignmentId}`, { session: viewer });
    expect(story.headers.get('content-type')).toMatch(/^application\/json/);
    expect(story.body.notes).toEqual([
      expect.objectContaining({ text: script, author: officer2.user.displayName }),
    ]);
    expect(story.text).toContain(JSON.stringify(script).slice(1, -1));
    expect(story.body.actions.map((action) => action.type)).toEqual([
      'hold.opened',
      'hold.claimed',
      'hold.assigned',
      'hold.note_added',
      'hold.info_requested',
      'hold.info_received',
      'hold.referred_for_inspection',
      'hold.seized',
    ]);
    expect(story.body.actions[1]?.actor).toBe(officer.user.username);
  });

  it('maps an unreachable screening service to 503 and leaves the hold as it was', async () => {
    const consignmentId = await openHold();
    const response = await ops.request<ErrorBody>('POST', `/api/holds/${consignmentId}/release`, {
      session: officer,
      body: { reasonCode: 'FALSE_POSITIVE_MATCH', text: 'different company' },
    });
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('screening.unavailable');
    expect((await hold(consignmentId))?.status).toBe('OPEN');
    const other = await ops.request<ErrorBody>('POST', `/api/holds/${consignmentId}/release`, {
      session: officer,
      body: { reasonCode: 'OTHER', text: '   ' },
    });
    expect(other.status).toBe(400);
    expect(other.body.fieldErrors).toEqual([
      expect.objectContaining({ field: 'text', code: 'requiredForOther' }),
    ]);
  });

  it('filters, sorts and pages with keyset cursors', async () => {
    const owner = await ops.createUser('officer', 'pager');
    const ownerSession = await ops.login(owner);
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const decidedAt = new Date(Date.now() - (index + 1) * 3_600_000).toISOString();
      const id = await openHold({
        decidedAt,
        score: 100 + index * 10,
        stage: index % 2 === 0 ? 'EXPORT' : 'IMPORT',
      });
      await ops.request('POST', `/api/holds/${id}/claim`, { session: ownerSession });
      ids.push(id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/holds?assignee=me&sort=-heldAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { status: number; body: HoldPage } = await ops.request<HoldPage>('GET', query, {
        session: ownerSession,
      });
      expect(page.status).toBe(200);
      expect(page.body.counts.total).toBe(5);
      expect(page.body.counts.byStatus.CLAIMED).toBe(5);
      seen.push(...page.body.items.map((item) => item.consignmentId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids); // newest first: ids were held 1 h, 2 h, … ago

    const byScore = await ops.request<HoldPage>('GET', `/api/holds?assignee=${owner.id}&sort=-score`, {
      session: viewer,
    });
    expect(byScore.body.items.map((item) => item.score)).toEqual([140, 130, 120, 110, 100]);
    const exports = await ops.request<HoldPage>(
      'GET',
      `/api/holds?assignee=${owner.id}&stage=EXPORT&minAgeHours=2.5`,
      { session: viewer },
    );
    expect(exports.body.items.map((item) => item.consignmentId)).toEqual([ids[4], ids[2]]);
    const bySla = await ops.request<HoldPage>(
      'GET',
      `/api/holds?assignee=${owner.id}&sla=OK&ruleId=SEAL_MISMATCH&category=INTEGRITY&status=CLAIMED,OPEN`,
      { session: viewer },
    );
    expect(bySla.body.counts.total).toBe(5);
    expect(bySla.body.counts.bySla).toEqual({ OK: 5, NEAR: 0, BREACHED: 0, PAUSED: 0 });
    const wrongSortCursor = await ops.request<ErrorBody>(
      'GET',
      `/api/holds?assignee=me&sort=deadline&cursor=${Buffer.from(JSON.stringify({ s: '-heldAt', v: 'x', id: 'y' })).toString('base64url')}`,
      { session: ownerSession },
    );
    expect(wrongSortCursor.status).toBe(400);
    expect(wrongSortCursor.body.code).toBe('hold.invalid_cursor');
  });

  it.each([
    ['a quote in port', `port=${encodeURIComponent("' OR 1=1--")}`, 'port'],
    ['SQL in sort', `sort=${encodeURIComponent('heldAt; DROP TABLE ops_hold;--')}`, 'sort'],
    ['SQL in status', `status=${encodeURIComponent("OPEN') OR ('a'='a")}`, 'status'],
    [
      'SQL in ruleId',
      `ruleId=${encodeURIComponent("x' UNION SELECT password_hash FROM ops_user--")}`,
      'ruleId',
    ],
    ['a non-number limit', 'limit=1;select', 'limit'],
    ['repeated port', 'port=VNSGN&port=VNHPH', 'port'],
  ])('refuses %s with a field error and leaves the data alone', async (_name, query, field) => {
    const response = await ops.request<ErrorBody>('GET', `/api/holds?${query}`, { session: viewer });
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors?.map((error) => error.field)).toContain(field);
    const still: Array<{ n: string }> = await ops.dataSource.query(`SELECT count(*) AS n FROM ops_hold`);
    expect(Number(still[0]?.n)).toBeGreaterThan(0);
  });

  it('treats an injection attempt in the path as an unknown id', async () => {
    const response = await ops.request<ErrorBody>(
      'GET',
      `/api/consignments/${encodeURIComponent("' OR 1=1--")}`,
      { session: viewer },
    );
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors?.[0]?.field).toBe('id');
  });

  it("tells the consignment's story and dates the SLA from the cargo's loading milestone", async () => {
    const consignmentId = newId();
    fixtureIds.push(consignmentId);
    const context = screeningContext({ now: new Date().toISOString() });
    const loadingAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const shipped = manifest({
      transportDocumentReference: consignmentId,
      receivedAt: new Date().toISOString(),
      goodsItems: [goodsItem({ hsCodes: ['284410'], description: 'natural uranium oxide' })],
    });
    let state = applyManifest(undefined, shipped, context).state;
    state = applyMovement(
      state,
      movement({
        eventCode: 'LOAD',
        classifier: 'EST',
        at: loadingAt,
        unLocode: 'VNHPH',
        trd: consignmentId,
      }),
      context,
    ).state;
    await ops.dataSource.query(
      `INSERT INTO consignment (id, state, state_version, manifest_version, stage) VALUES ($1, $2::jsonb, 1, 1, 'EXPORT')`,
      [consignmentId, JSON.stringify(state)],
    );
    const decision = decisionEvent({
      consignmentId,
      stage: 'EXPORT',
      categories: ['NUCLEAR'],
      reasons: [{ ruleId: 'HS_NUCLEAR', outcome: 'HOLD', score: 0, message: 'uranium', evidence: {} }],
    });
    await ops.dataSource.query(
      `INSERT INTO decision (decision_id, consignment_id, sequence, decision, stage, source, decided_at, score, categories,
         rule_ids, hold_rule_ids, trigger_type, trigger_event_id, rule_set_version, payload)
       VALUES ($1, $2, 1, 'HOLD', 'EXPORT', 'RULES', $3, 140, '{NUCLEAR}', '{HS_NUCLEAR}', '{HS_NUCLEAR}', 'MANIFEST', 'x', 'test', $4::jsonb)`,
      [decision.decisionId, consignmentId, decision.decidedAt, JSON.stringify(decision)],
    );
    await produce(decision);
    const opened = await holdWhere(consignmentId, (found) => found.status === 'OPEN', 'milestone hold');
    expect(opened).toMatchObject({
      deadline: loadingAt,
      deadlineBasis: 'LOADING',
      slaState: 'NEAR',
      portOfLoading: 'VNHPH',
      portOfDischarge: 'JPTYO',
    });

    const story = await ops.request<Record<string, unknown>>('GET', `/api/consignments/${consignmentId}`, {
      session: viewer,
    });
    expect(story.status).toBe(200);
    expect(story.body).toMatchObject({
      route: [
        { role: 'LOADING', unLocode: 'VNHPH', name: 'Hai Phong' },
        { role: 'DISCHARGE', unLocode: 'JPTYO', name: 'Tokyo' },
      ],
      parties: [
        { role: 'SHIPPER', name: 'Minh Phu Seafood Corporation', countryCode: 'VN' },
        { role: 'CONSIGNEE', name: 'Nichirei Foods Inc', countryCode: 'JP' },
      ],
      goods: [{ hsCodes: ['284410'], description: 'natural uranium oxide', grossWeightKg: 20000 }],
      manifestVersions: [{ version: 1, changes: [] }],
      containers: [{ reference: 'MSKU2666542', expectedSeals: ['SL-1001'], observedSeals: [] }],
      movements: [
        {
          eventCode: 'LOAD',
          classifier: 'EST',
          eventDateTime: loadingAt,
          location: 'VNHPH',
          equipmentReference: 'MSKU2666542',
        },
      ],
      decisions: [{ decisionId: decision.decisionId, consignmentId, sequence: 1 }],
      notes: [],
    });

    const dashboard = await ops.request<{
      holdsByStage: Record<string, number>;
      holdsByRule: Record<string, number>;
      nearBreaches: number;
      decisionsPerHour: Array<{ hour: string; HOLD: number }>;
    }>('GET', '/api/dashboard', { session: viewer });
    expect(dashboard.body.holdsByStage.EXPORT).toBeGreaterThanOrEqual(1);
    expect(dashboard.body.holdsByRule.HS_NUCLEAR).toBeGreaterThanOrEqual(1);
    expect(dashboard.body.nearBreaches).toBeGreaterThanOrEqual(1);
    expect(dashboard.body.decisionsPerHour).toHaveLength(24);
    expect(dashboard.body.decisionsPerHour[23]?.HOLD).toBeGreaterThanOrEqual(1);
  });

  it('keeps the audit log append-only and names a tampered entry', async () => {
    await openHold();
    const refused = await ops.dataSource
      .query(`UPDATE ops_audit_log SET actor_name = 'x' WHERE id = (SELECT max(id) FROM ops_audit_log)`)
      .then(
        () => 'updated',
        (error: Error) => error.message,
      );
    expect(refused).toMatch(/append-only/);
    const deleted = await ops.dataSource
      .query(`DELETE FROM ops_audit_log WHERE id = (SELECT max(id) FROM ops_audit_log)`)
      .then(
        () => 'deleted',
        (error: Error) => error.message,
      );
    expect(deleted).toMatch(/append-only/);

    const clean = await ops.request<{ ok: boolean; entries: number; firstBrokenEntryId: string | null }>(
      'GET',
      '/api/audit/verify',
      { session: supervisor },
    );
    expect(clean.body).toMatchObject({ ok: true, firstBrokenEntryId: null });
    expect(clean.body.entries).toBeGreaterThan(0);

    const target: Array<{ id: string; after: unknown }> = await ops.dataSource.query(
      `SELECT id, after FROM ops_audit_log WHERE target_type = 'hold' AND action = 'hold.opened' ORDER BY id DESC LIMIT 1`,
    );
    const entry = target[0];
    if (!entry) {
      throw new Error('no audit entry to tamper with');
    }
    // A superuser can switch triggers off for its own session; the hash chain still gives it away.
    const runner = ops.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SET session_replication_role = replica`);
      await runner.query(
        `UPDATE ops_audit_log SET after = jsonb_set(after, '{status}', '"RELEASED"') WHERE id = $1`,
        [entry.id],
      );
      const broken = await ops.request<{ ok: boolean; firstBrokenEntryId: string | null }>(
        'GET',
        '/api/audit/verify',
        { session: supervisor },
      );
      expect(broken.body).toMatchObject({ ok: false, firstBrokenEntryId: String(entry.id) });
    } finally {
      await runner.query(`UPDATE ops_audit_log SET after = $2::jsonb WHERE id = $1`, [
        entry.id,
        JSON.stringify(entry.after),
      ]);
      await runner.query(`SET session_replication_role = origin`);
      await runner.release();
    }
    const restored = await ops.request<{ ok: boolean }>('GET', '/api/audit/verify', { session: supervisor });
    expect(restored.body.ok).toBe(true);
  });
});

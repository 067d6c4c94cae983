import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import {
  ConsignmentLinkRepository,
  ConsignmentRepository,
  JoiningClaimRepository,
  JoiningRepository,
  KEYED_SESSION_OPTIONS,
  OutboxRepository,
  PendingMovementRepository,
  ScreeningTimerRepository,
  SESSION_OPTIONS,
  type SqlExecutor,
  WriteBatch,
} from '@chokepoint/persistence';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { movement } from '../../libs/engine/src/testing/movement.factory';
import { FIND_LATEST, FORGET, REMEMBER } from '../../apps/ingest/src/port-messages/seen-event.repository';
import { runToken } from './screening-harness';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, as "Node Type" or "Node Type on relation". */
function planNodes(node: PlanNode): string[] {
  const own = node['Relation Name'] ? `${node['Node Type']} on ${node['Relation Name']}` : node['Node Type'];
  return [own, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Tables the services' statements look up by key (or by time, housekeeping), filled here and never analysed. */
const KEYED_TABLES = [
  'ingest_event_seen',
  'consignment',
  'consignment_link',
  'pending_movement',
  'pending_movement_key',
  'screening_timer',
  'joining_claim',
  'outbox',
];

/** Scans or joins that read a whole table to find a chunk's rows. */
function wholeTableReads(nodes: readonly string[]): string[] {
  return nodes.filter(
    (node) =>
      node === 'Hash Join' ||
      node === 'Merge Join' ||
      KEYED_TABLES.some((table) => node === `Seq Scan on ${table}`),
  );
}

const range = <T>(count: number, item: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => item(index));

/**
 * The pipeline's statements take a chunk's keys (hundreds) and find their rows through an index. On
 * tables that grew since their last ANALYZE (every table in the minutes after a deployment; here, none
 * was ever analysed), the default planner read whole tables for them. Under KEYED_SESSION_OPTIONS,
 * which ingest and screening use (the outbox relay and housekeeping too), no plan scans or hashes a
 * keyed table: a chunk's statements, the relay's, and the purges, bounded and oldest first by an index.
 */
describe('keyed sessions: plans of the statements ingest and screening run (PostgreSQL)', () => {
  const settings = stackSettings();
  const databaseName = `chokepoint_plans_${runToken().toLowerCase()}`;
  let url: string;

  const chunkKeys = 500;
  const seen = range(chunkKeys, (i) => `EVT-${i * 7}`);
  const consignmentIds = range(chunkKeys, (i) => `DOC${i * 9}`);
  const bookings = range(chunkKeys, (i) => `BKG${i * 5}`);
  const containers = range(chunkKeys, (i) => `CONT${i * 3}`);
  const pendingKeys = range(chunkKeys, (i) => `TRD:DOC${i * 11}`);

  beforeAll(async () => {
    url = await createScratchDatabase(settings.databaseUrl, databaseName);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      // No autovacuum either: an ANALYZE in the middle of the test would change the plans it compares.
      for (const table of KEYED_TABLES) {
        await client.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
      }
      await client.query(`
        INSERT INTO ingest_event_seen (event_kind, originating_party, event_id, content_sha256)
        SELECT 'MOVEMENT', 'PORT-A', 'EVT-' || g, repeat('a', 64) FROM generate_series(1, 30000) g`);
      await client.query(`
        INSERT INTO consignment (id, state, state_version, manifest_version)
        SELECT 'DOC' || g, '{}', 1, 1 FROM generate_series(1, 10000) g`);
      await client.query(`
        INSERT INTO consignment_link (kind, reference, consignment_id)
        SELECT 'BKG', 'BKG' || g, 'DOC' || g FROM generate_series(1, 10000) g
        UNION ALL SELECT 'EQ', 'CONT' || g, 'DOC' || g FROM generate_series(1, 10000) g`);
      await client.query(`
        INSERT INTO pending_movement (movement_key, pending_keys, movement, event_time, expires_at)
        SELECT '["PORT-A","MOV' || g || '"]', ARRAY['TRD:DOC' || g], '{}', now(), now() + interval '1 day'
          FROM generate_series(1, 10000) g`);
      await client.query(`
        INSERT INTO pending_movement_key (pending_key, movement_key)
        SELECT 'TRD:DOC' || g, '["PORT-A","MOV' || g || '"]' FROM generate_series(1, 10000) g`);
      await client.query(`
        INSERT INTO screening_timer (timer_id, consignment_id, rule_id, due_at, spec)
        SELECT 'TIMER' || g, 'DOC' || g, 'TRANSIT_OVERDUE', now(), '{}' FROM generate_series(1, 10000) g`);
      await client.query(`
        INSERT INTO joining_claim (joining_key, claimed_at)
        SELECT 'TRD:DOC' || g, now() - g * interval '1 second' FROM generate_series(1, 10000) g`);
      await client.query(`
        INSERT INTO outbox (consignment_id, topic, message_key, payload)
        SELECT 'DOC' || g, 'chokepoint.decisions.v1', 'DOC' || g, '{}' FROM generate_series(1, 10000) g`);
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  /**
   * The plan of each statement, explained (not run) in a session with these options, as the session
   * would run it: the generic plan when its plan_cache_mode forces one (whatever the parameters), else
   * the plan for these parameters.
   */
  async function servicePlans(options: string): Promise<Map<string, string[]>> {
    const client = new Client({ connectionString: url, options });
    await client.connect();
    const mode = await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode');
    const generic = mode.rows[0]?.plan_cache_mode === 'force_generic_plan';
    const plans = new Map<string, string[]>();
    let prepared = 0;
    const explain = async (text: string, parameters: readonly unknown[]) => {
      if (!generic) {
        return client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, [
          ...parameters,
        ]);
      }
      prepared += 1;
      const statement = `explained_${prepared}`;
      await client.query(`PREPARE ${statement} AS ${text}`);
      const nulls = parameters.length === 0 ? '' : `(${parameters.map(() => 'NULL').join(', ')})`;
      return client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) EXECUTE ${statement}${nulls}`,
      );
    };
    const explaining = (name: string): SqlExecutor => ({
      async query<Row>(text: string, parameters: readonly unknown[] = []): Promise<Row[]> {
        const result = await explain(text, parameters);
        const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
        if (plan === undefined) {
          throw new Error(`no plan for ${name}`);
        }
        plans.set(name, planNodes(plan));
        return [];
      },
    });
    try {
      await explaining('seen events: lookup').query(FIND_LATEST, [
        seen.map(() => 'MOVEMENT'),
        seen.map(() => 'PORT-A'),
        seen,
      ]);
      await explaining('seen events: remember').query(REMEMBER, [
        seen.map(() => 'MOVEMENT'),
        seen.map(() => 'PORT-A'),
        seen,
        seen.map(() => 'b'.repeat(64)),
      ]);
      await new ConsignmentRepository().lockForJoining(
        explaining('consignments: lock for joining'),
        consignmentIds,
        bookings,
        containers,
      );
      const pending = new PendingMovementRepository();
      await pending.lockMatching(explaining('parked movements: lock matching'), pendingKeys, []);
      await new JoiningRepository().recheck(explaining('joining: recheck'), {
        consignmentIds,
        bookingReferences: bookings,
        equipmentReferences: containers,
        pendingKeys,
      });
      const batch = new WriteBatch();
      new ConsignmentLinkRepository().syncClosed(
        batch,
        consignmentIds.map((consignmentId) => ({ consignmentId, closed: true })),
      );
      pending.remove(
        batch,
        range(chunkKeys, (i) => `PORT-A\u0000MOV${i * 13}`),
      );
      pending.park(
        batch,
        range(chunkKeys, (i) => ({
          movementKey: `PORT-A\u0000MOV${i * 17}`,
          pendingKeys: [`TRD:DOC${i * 17}`, `BKG:BKG${i * 17}`],
          movement: movement(),
          eventTime: '2026-03-01T00:00:00Z',
          expiresAt: '2026-03-04T00:00:00Z',
        })),
      );
      new ScreeningTimerRepository().cancel(
        batch,
        range(chunkKeys, (i) => `TIMER${i * 19}`),
      );
      await batch.execute(explaining('write batch'));

      // The outbox relay's session, and housekeeping's purges (bounded, oldest first).
      const outbox = new OutboxRepository();
      await outbox.takeBatch(explaining('outbox: take batch'), 'screening', 500);
      await outbox.removePublished(
        explaining('outbox: remove published'),
        'screening',
        range(chunkKeys, (i) => String(i * 7 + 1)),
      );
      const cutoff = new Date(Date.now() - 600_000);
      await pending.purgeExpired(explaining('parked movements: purge expired'), new Date(), cutoff, 1_000);
      await new JoiningClaimRepository().purgeIdle(explaining('joining claims: purge idle'), cutoff, 1_000);
      await explaining('seen events: forget').query(FORGET, [cutoff.toISOString(), 1_000]);
    } finally {
      await client.end();
    }
    return plans;
  }

  it('reaches every keyed table through an index under KEYED_SESSION_OPTIONS', async () => {
    const plans = await servicePlans(KEYED_SESSION_OPTIONS);

    expect([...plans.keys()]).toHaveLength(11);
    for (const [name, nodes] of plans) {
      expect({ name, wholeTableReads: wholeTableReads(nodes) }).toEqual({ name, wholeTableReads: [] });
    }
  });

  it('reads whole tables for the same statements with the default planner settings (why they exist)', async () => {
    const plans = await servicePlans(SESSION_OPTIONS);

    const reads = [...plans.values()].flatMap(wholeTableReads);
    expect(reads).toEqual(expect.arrayContaining(['Seq Scan on pending_movement_key']));
    expect(reads.length).toBeGreaterThan(1);
  });
});

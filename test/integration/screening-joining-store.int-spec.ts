import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import {
  JoiningClaimRepository,
  JoiningRepository,
  PendingMovementRepository,
  type SqlExecutor,
  WriteBatch,
} from '@chokepoint/persistence';
import { createScratchDatabase, dropScratchDatabase, pollUntil } from '@chokepoint/testing';
import { movement } from '../../libs/engine/src/testing/movement.factory';
import { runToken } from './screening-harness';

/**
 * The joining bookkeeping screening's transactions share, on a database of its own: claims lock exact
 * keys (only transactions sharing a key wait), and parked movements are found through their key rows,
 * which follow the movement when it is parked again, taken or expired.
 */
describe('screening joining store (claims and parked movement keys)', () => {
  const settings = stackSettings();
  const databaseName = `chokepoint_joining_${runToken().toLowerCase()}`;
  const claims = new JoiningClaimRepository();
  const pending = new PendingMovementRepository();
  const joining = new JoiningRepository();
  let first: Client;
  let second: Client;
  let secondPid = 0;

  const executor = (client: Client): SqlExecutor => ({
    async query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
      const result = await client.query(sql, [...parameters]);
      return result.rows as Row[];
    },
  });

  beforeAll(async () => {
    const url = await createScratchDatabase(settings.databaseUrl, databaseName);
    first = new Client({ connectionString: url });
    second = new Client({ connectionString: url });
    await first.connect();
    await second.connect();
    const { rows } = await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    secondPid = rows[0]?.pid ?? 0;
  });

  afterAll(async () => {
    await first.end();
    await second.end();
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  /** Whether the second connection's backend is waiting for a lock right now. */
  async function secondIsWaitingForLock(): Promise<boolean> {
    const { rows } = await first.query<{ waiting: boolean }>(
      `SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`,
      [secondPid],
    );
    return rows[0]?.waiting === true;
  }

  /**
   * With the first connection's transaction holding `key`, the second's claim of it waits until the
   * first commits, then goes through; both transactions are committed after.
   */
  async function expectSecondWaitsForFirstsCommit(key: string): Promise<void> {
    let claimed = false;
    const contested = claims.claim(executor(second), [key]).then(() => {
      claimed = true;
    });
    await pollUntil(secondIsWaitingForLock, (waiting) => waiting, { description: `second waits on ${key}` });
    expect(claimed).toBe(false);

    await first.query('COMMIT');
    await contested;
    expect(claimed).toBe(true);
    await second.query('COMMIT');
  }

  it('makes a transaction claiming a key another one holds wait for its commit, and no other', async () => {
    await first.query('BEGIN');
    await claims.claim(executor(first), ['TRD:A1', 'BKG:B1']);
    await second.query('BEGIN');

    // A different key goes through while the first transaction is open.
    await claims.claim(executor(second), ['EQ:CPKU0000001']);

    await expectSecondWaitsForFirstsCommit('BKG:B1');

    const { rows } = await first.query<{ joining_key: string }>(
      `SELECT joining_key FROM joining_claim ORDER BY joining_key`,
    );
    expect(rows.map((row) => row.joining_key)).toEqual(['BKG:B1', 'EQ:CPKU0000001', 'TRD:A1']);
  });

  it('purges idle claims but never one a transaction holds', async () => {
    await first.query(`UPDATE joining_claim SET claimed_at = now() - interval '1 hour'`);
    await first.query('BEGIN');
    await claims.claim(executor(first), ['TRD:A1']);

    const removed = await claims.purgeIdle(executor(second), new Date(Date.now() - 60_000), 100);
    await first.query('COMMIT');

    expect(removed).toBe(2);
    const { rows } = await first.query<{ joining_key: string }>(`SELECT joining_key FROM joining_claim`);
    expect(rows.map((row) => row.joining_key)).toEqual(['TRD:A1']);
  });

  it('makes a transaction re-claiming a key claimed a moment ago wait too: locked, not rewritten', async () => {
    await claims.claim(executor(first), ['BKG:B2']);
    const before = await first.query<{ claimed_at: Date }>(
      `SELECT claimed_at FROM joining_claim WHERE joining_key = 'BKG:B2'`,
    );
    await first.query('BEGIN');
    await claims.claim(executor(first), ['BKG:B2']);
    await second.query('BEGIN');

    await expectSecondWaitsForFirstsCommit('BKG:B2');

    // Claimed again within the minute: the row was only locked, so its time (and the index) stayed.
    const after = await first.query<{ claimed_at: Date }>(
      `SELECT claimed_at FROM joining_claim WHERE joining_key = 'BKG:B2'`,
    );
    expect(after.rows[0]?.claimed_at).toEqual(before.rows[0]?.claimed_at);
  });

  async function park(keys: string[], event = movement({ eventId: 'E-PARK-1' })): Promise<string> {
    const batch = new WriteBatch();
    pending.park(batch, [
      {
        movementKey: `${event.originatingParty}\u0000${event.eventId}`,
        pendingKeys: keys,
        movement: event,
        eventTime: event.eventDateTime,
        expiresAt: new Date(Date.parse(event.eventDateTime) + 3_600_000).toISOString(),
      },
    ]);
    await batch.execute(executor(first));
    return `${event.originatingParty}\u0000${event.eventId}`;
  }

  async function keyRows(): Promise<string[]> {
    const { rows } = await first.query<{ pending_key: string }>(
      `SELECT pending_key FROM pending_movement_key ORDER BY pending_key`,
    );
    return rows.map((row) => row.pending_key);
  }

  it('finds a parked movement by any of its keys, and follows it when it is parked again under others', async () => {
    const parkedKey = await park(['TRD:DOC-1', 'BKG:BK-1']);

    const byBooking = await pending.lockMatching(executor(first), ['BKG:BK-1'], []);
    expect(byBooking.map((row) => [row.movementKey, row.pendingKeys])).toEqual([
      [parkedKey, ['TRD:DOC-1', 'BKG:BK-1']],
    ]);
    expect(
      await joining.recheck(executor(first), {
        consignmentIds: [],
        bookingReferences: [],
        equipmentReferences: [],
        pendingKeys: ['TRD:DOC-1'],
      }),
    ).toMatchObject({ waiting: [parkedKey] });

    await park(['BKG:BK-1', 'EQ:CPKU0000002']);
    expect(await keyRows()).toEqual(['BKG:BK-1', 'EQ:CPKU0000002']);
    expect(await pending.lockMatching(executor(first), ['TRD:DOC-1'], [])).toEqual([]);
    expect(
      (await pending.lockMatching(executor(first), ['EQ:CPKU0000002'], [])).map((row) => row.movementKey),
    ).toEqual([parkedKey]);
    // By its own key too, whatever it waits under.
    expect(
      (await pending.lockMatching(executor(first), [], [parkedKey])).map((row) => row.movementKey),
    ).toEqual([parkedKey]);

    const batch = new WriteBatch();
    pending.remove(batch, [parkedKey]);
    await batch.execute(executor(first));
    expect(await keyRows()).toEqual([]);
    expect(await pending.lockMatching(executor(first), ['BKG:BK-1'], [])).toEqual([]);
  });

  it('reads back every movement of a batch exactly as parked, multi-byte text included', async () => {
    // Cut out of one binary parameter by byte offset: an offset counted in characters, or text escaped
    // twice, shows up as a wrong movement after the first multi-byte one.
    const names = [
      'Plain Quay 1',
      'Cảng Hải Phòng – bến 3',
      '北京 🚢 "Quoted" \\ pier\nnext',
      'Plain Quay 4',
    ];
    const events = names.map((name, index) => {
      const event = movement({ eventId: `E-UTF8-${index}` });
      return { ...event, location: { ...event.location, name } };
    });
    const batch = new WriteBatch();
    pending.park(
      batch,
      events.map((event, index) => ({
        movementKey: `${event.originatingParty}\u0000${event.eventId}`,
        pendingKeys: [`TRD:UTF8-${index}`],
        movement: event,
        eventTime: event.eventDateTime,
        expiresAt: '2099-01-01T00:00:00.000Z',
      })),
    );
    await batch.execute(executor(first));

    const parked = await pending.lockMatching(
      executor(first),
      events.map((_, index) => `TRD:UTF8-${index}`),
      [],
    );
    expect(parked.map((row) => row.movement)).toEqual(events);

    const cleanup = new WriteBatch();
    pending.remove(
      cleanup,
      parked.map((row) => row.movementKey),
    );
    await cleanup.execute(executor(first));
  });

  it('drops the key rows of the movements it purges as expired', async () => {
    await park(['TRD:DOC-2'], movement({ eventId: 'E-OLD', at: '2026-01-01T00:00:00Z' }));
    await park(['TRD:DOC-3'], movement({ eventId: 'E-NEW', at: '2099-01-01T00:00:00Z' }));

    const purged = await pending.purgeExpired(
      executor(second),
      new Date(),
      new Date(Date.now() + 60_000),
      10,
    );

    expect(purged).toBe(1);
    expect(await keyRows()).toEqual(['TRD:DOC-3']);
  });
});

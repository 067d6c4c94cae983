import type { DataSource } from 'typeorm';
import { stackSettings } from '@chokepoint/config';
import { createDataSource } from '@chokepoint/persistence';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import type { PortMessagesSettings } from '../../apps/ingest/src/port-messages/port-messages.settings';
import { SeenEventHousekeeping } from '../../apps/ingest/src/port-messages/seen-event.housekeeping';
import { SeenEventRepository } from '../../apps/ingest/src/port-messages/seen-event.repository';
import type { SeenEventFingerprint } from '../../apps/ingest/src/port-messages/seen-event.store';
import { runToken } from './screening-harness';

/**
 * Ingest's seen-event table on a database of its own: fingerprints are found and replaced as the
 * deduplication needs, and housekeeping removes those not forwarded within the retention, oldest first,
 * leaving the rest for redelivery checks.
 */
describe('ingest seen-event store (PostgreSQL)', () => {
  const settings = stackSettings();
  const databaseName = `chokepoint_seen_${runToken().toLowerCase()}`;
  let dataSource: DataSource;
  let store: SeenEventRepository;

  const fingerprint = (eventId: string, contentSha256 = 'a'.repeat(64)): SeenEventFingerprint => ({
    eventKind: 'MOVEMENT',
    originatingParty: 'PORT-A',
    eventId,
    contentSha256,
  });

  beforeAll(async () => {
    const url = await createScratchDatabase(settings.databaseUrl, databaseName);
    dataSource = createDataSource({ url, poolSize: 2, applicationName: 'chokepoint-seen-events-test' });
    await dataSource.initialize();
    store = new SeenEventRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  it('finds what was remembered, with the latest content for a key remembered again', async () => {
    await store.remember([fingerprint('e-1'), fingerprint('e-2')]);
    await store.remember([fingerprint('e-2', 'b'.repeat(64))]);

    const found = await store.findLatest([fingerprint('e-1'), fingerprint('e-2'), fingerprint('never-sent')]);

    expect(found.sort((x, y) => x.eventId.localeCompare(y.eventId))).toEqual([
      fingerprint('e-1'),
      fingerprint('e-2', 'b'.repeat(64)),
    ]);
  });

  /** Waits until a session of this test holds an open transaction whose last statement was the write. */
  async function writtenAndWaiting(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const rows = await dataSource.query<unknown[]>(
        `SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'idle in transaction'
           AND query LIKE '%INSERT INTO ingest_event_seen%'`,
      );
      if (rows.length > 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the write did not run while publishing');
  }

  it('writes while publishing runs, and keeps it only once publishing succeeded', async () => {
    let seenWhilePublishing: SeenEventFingerprint[] | undefined;
    await store.rememberAlongside([fingerprint('alongside-1'), fingerprint('alongside-2')], async () => {
      await writtenAndWaiting();
      seenWhilePublishing = await store.findLatest([fingerprint('alongside-1')]);
    });

    expect(seenWhilePublishing).toEqual([]);
    const kept = await store.findLatest([fingerprint('alongside-1'), fingerprint('alongside-2')]);
    expect(kept.map((row) => row.eventId).sort()).toEqual(['alongside-1', 'alongside-2']);
  });

  it('undoes the write when publishing fails, and rejects with the publishing error', async () => {
    await store.remember([fingerprint('resent', 'c'.repeat(64))]);
    const failure = await store
      .rememberAlongside([fingerprint('resent', 'd'.repeat(64)), fingerprint('unsent')], async () => {
        await writtenAndWaiting();
        throw new Error('broker unavailable');
      })
      .catch((error: unknown) => error);

    expect(failure).toEqual(new Error('broker unavailable'));
    await expect(store.findLatest([fingerprint('resent'), fingerprint('unsent')])).resolves.toEqual([
      fingerprint('resent', 'c'.repeat(64)),
    ]);
  });

  it('rejects with the write error once publishing is done, keeping nothing', async () => {
    let published = false;
    const broken = { ...fingerprint('bad-kind'), eventKind: 'PARCEL' } as unknown as SeenEventFingerprint;
    const failure = await store
      .rememberAlongside([fingerprint('beside-bad'), broken], () => {
        published = true;
        return Promise.resolve();
      })
      .catch((error: unknown) => error);

    expect(published).toBe(true);
    expect(String(failure)).toMatch(/ck_ingest_event_seen_kind/);
    await expect(store.findLatest([fingerprint('beside-bad')])).resolves.toEqual([]);
  });

  it('forgets fingerprints past the retention, oldest first, and keeps the recent ones', async () => {
    const old = Array.from({ length: 12 }, (_, i) => fingerprint(`old-${i}`));
    await store.remember([...old, fingerprint('recent')]);
    await dataSource.query(
      `UPDATE ingest_event_seen SET last_seen_at = now() - make_interval(days => 61 + substring(event_id from 5)::int)
       WHERE event_id LIKE 'old-%'`,
    );

    // Oldest first: a limit of 5 takes old-11 .. old-7.
    await expect(store.forgetOlderThan(new Date(Date.now() - 60 * 86_400_000), 5)).resolves.toBe(5);
    const left = await store.findLatest(old);
    expect(left.map((row) => row.eventId).sort()).toEqual(
      ['old-0', 'old-1', 'old-2', 'old-3', 'old-4', 'old-5', 'old-6'].sort(),
    );

    const housekeeping = new SeenEventHousekeeping(store, {
      seenRetentionDays: 60,
      housekeepingIntervalMs: 600_000,
    } as PortMessagesSettings);
    await expect(housekeeping.sweep(new Date())).resolves.toBe(7);
    await expect(store.findLatest(old)).resolves.toEqual([]);
    await expect(store.findLatest([fingerprint('recent'), fingerprint('e-1')])).resolves.toHaveLength(2);
  });
});

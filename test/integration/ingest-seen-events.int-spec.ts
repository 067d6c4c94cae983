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

import type { PortMessagesSettings } from './port-messages.settings';
import { SEEN_EVENT_PURGE_BATCH, SeenEventHousekeeping } from './seen-event.housekeeping';
import { type SeenEventFingerprint, type SeenEventKey, SeenEventStore } from './seen-event.store';

/** Fingerprints with the time each was last forwarded; forgets oldest first, as the table does. */
class TimedSeenEvents extends SeenEventStore {
  readonly seenAt: number[] = [];
  readonly cutoffs: string[] = [];
  failAfter = Infinity;

  findLatest(_keys: readonly SeenEventKey[]): Promise<SeenEventFingerprint[]> {
    return Promise.resolve([]);
  }

  remember(): Promise<void> {
    return Promise.resolve();
  }

  rememberAlongside(
    _fingerprints: readonly SeenEventFingerprint[],
    publish: () => Promise<void>,
  ): Promise<void> {
    return publish();
  }

  forgetOlderThan(cutoff: Date, limit: number): Promise<number> {
    if (this.cutoffs.length >= this.failAfter) {
      return Promise.reject(new Error('connection lost'));
    }
    this.cutoffs.push(cutoff.toISOString());
    this.seenAt.sort((a, b) => a - b);
    let removed = 0;
    while (removed < limit && (this.seenAt[0] ?? Infinity) < cutoff.getTime()) {
      this.seenAt.shift();
      removed += 1;
    }
    return Promise.resolve(removed);
  }
}

const settings = { seenRetentionDays: 60, housekeepingIntervalMs: 600_000 } as PortMessagesSettings;
const now = new Date('2026-11-29T12:00:00Z');
const daysAgo = (days: number): number => now.getTime() - days * 86_400_000;

describe('SeenEventHousekeeping', () => {
  it('forgets what was last forwarded before the retention, in batches, and keeps the rest', async () => {
    const store = new TimedSeenEvents();
    const old = SEEN_EVENT_PURGE_BATCH * 2 + 7;
    store.seenAt.push(...Array.from({ length: old }, (_, i) => daysAgo(61 + (i % 30))));
    store.seenAt.push(daysAgo(59), daysAgo(1), now.getTime());

    const removed = await new SeenEventHousekeeping(store, settings).sweep(now);

    expect(removed).toBe(old);
    expect(store.seenAt).toEqual([daysAgo(59), daysAgo(1), now.getTime()]);
    // Two full batches, then the short one that says there is no more.
    expect(store.cutoffs).toEqual(Array(3).fill('2026-09-30T12:00:00.000Z'));
  });

  it('reports what it removed before a failure, and the next round carries on', async () => {
    const store = new TimedSeenEvents();
    store.seenAt.push(...Array.from({ length: SEEN_EVENT_PURGE_BATCH + 3 }, () => daysAgo(90)));
    store.failAfter = 1;
    const housekeeping = new SeenEventHousekeeping(store, settings);

    await expect(housekeeping.sweep(now)).resolves.toBe(SEEN_EVENT_PURGE_BATCH);
    store.failAfter = Infinity;
    await expect(housekeeping.sweep(now)).resolves.toBe(3);
    expect(store.seenAt).toEqual([]);
  });
});

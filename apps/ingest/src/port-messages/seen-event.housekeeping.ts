import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type PeriodicTask, runPeriodically } from '@chokepoint/service-runtime';
import { PORT_MESSAGES_SETTINGS, type PortMessagesSettings } from './port-messages.settings';
import { SeenEventStore } from './seen-event.store';

const DAY_MS = 86_400_000;
/** Rows per DELETE: each statement holds its locks briefly, and ingest's own writes go between them. */
export const SEEN_EVENT_PURGE_BATCH = 5_000;

/**
 * Keeps ingest_event_seen from growing for ever: fingerprints not forwarded for
 * INGEST_SEEN_RETENTION_DAYS are removed, oldest first, in batches. Every instance may run it; the
 * deletes are idempotent. A failed round is logged and the next one carries on.
 */
@Injectable()
export class SeenEventHousekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SeenEventHousekeeping');
  private periodic: PeriodicTask | undefined;

  constructor(
    private readonly store: SeenEventStore,
    @Inject(PORT_MESSAGES_SETTINGS) private readonly settings: PortMessagesSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic = runPeriodically(this.settings.housekeepingIntervalMs, () => this.sweep(new Date()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.periodic?.stop();
  }

  /** Removes what is past its retention at `now`; returns how many fingerprints went. */
  async sweep(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.seenRetentionDays * DAY_MS);
    let removed = 0;
    try {
      for (;;) {
        const batch = await this.store.forgetOlderThan(cutoff, SEEN_EVENT_PURGE_BATCH);
        removed += batch;
        if (batch < SEEN_EVENT_PURGE_BATCH) {
          break;
        }
      }
    } catch (error) {
      this.logger.warn(
        `removing fingerprints older than ${cutoff.toISOString()} failed after ${removed}, next round ` +
          `retries: ${error instanceof Error ? error.message : String(error)}`,
      );
      return removed;
    }
    if (removed > 0) {
      this.logger.log(`removed ${removed} event fingerprints last forwarded before ${cutoff.toISOString()}`);
    }
    return removed;
  }
}

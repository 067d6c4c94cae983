import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { type PeriodicTask, runPeriodically } from '@chokepoint/service-runtime';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsEnvironment } from '../config/ops.environment';
import { HOLD_PROJECTION_CONSUMER } from './hold-projection.service';

const INTERVAL_MS = 10 * 60_000;
const BATCH = 10_000;
/** The dashboard shows 24 hours; a month leaves room for reports. */
const HOURLY_RETENTION_MS = 31 * 24 * 3_600_000;

/**
 * Forgets decision ids once no redelivery can bring them back, and old hourly tallies, so neither
 * table grows without bound. Deletes in batches to keep each statement short.
 */
@Injectable()
export class ProjectionHousekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ProjectionHousekeeping');
  private periodic: PeriodicTask | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly env: OpsEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic = runPeriodically(INTERVAL_MS, () => this.sweep());
  }

  /** Before the database connections close: no new round, and the one in progress finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.periodic?.stop();
  }

  async sweep(): Promise<void> {
    const now = this.clock.now().getTime();
    try {
      const before = new Date(now - this.env.OPS_PROCESSED_EVENT_RETENTION_HOURS * 3_600_000);
      for (;;) {
        const [, deleted]: [unknown, number] = await this.dataSource.query(
          `DELETE FROM processed_event WHERE consumer = $1 AND event_key IN (
             SELECT event_key FROM processed_event WHERE consumer = $1 AND processed_at < $2 LIMIT $3)`,
          [HOLD_PROJECTION_CONSUMER, before, BATCH],
        );
        if (deleted < BATCH) {
          break;
        }
      }
      await this.dataSource.query(`DELETE FROM ops_decision_hourly WHERE hour < $1`, [
        new Date(now - HOURLY_RETENTION_MS),
      ]);
    } catch (error) {
      this.logger.warn(`housekeeping failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

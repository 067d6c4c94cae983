import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JoiningClaimRepository, PendingMovementRepository, type SqlExecutor } from '@chokepoint/persistence';
import { type PeriodicTask, runPeriodically } from '@chokepoint/service-runtime';
import { Clock } from '../clock/clock';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ScreeningUnitOfWork } from '../consignments/screening-unit-of-work';

const BATCH = 5_000;
const HOUR_MS = 3_600_000;
/** A claim only serialises transactions in flight; one untouched this long is just a row. */
const CLAIM_IDLE_MS = 10 * 60_000;

/**
 * Keeps the bookkeeping tables from growing without bound: parked movements whose manifest never came,
 * and idle joining claims (the relay deletes outbox rows itself once they are published). Every
 * instance may run it; the deletes are idempotent and go in small batches so they never hold locks for
 * long.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private periodic: PeriodicTask | undefined;

  constructor(
    private readonly unitOfWork: ScreeningUnitOfWork,
    private readonly pending: PendingMovementRepository,
    private readonly claims: JoiningClaimRepository,
    private readonly clock: Clock,
    private readonly env: ScreeningEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic = runPeriodically(this.env.HOUSEKEEPING_INTERVAL_MS, () => this.sweep());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.periodic?.stop();
  }

  async sweep(): Promise<{ pending: number; claims: number }> {
    const nowMs = this.clock.now().getTime();
    try {
      const pending = await this.drain((sql) =>
        this.pending.purgeExpired(
          sql,
          new Date(nowMs),
          new Date(nowMs - this.env.PENDING_MOVEMENT_GRACE_HOURS * HOUR_MS),
          BATCH,
        ),
      );
      const claims = await this.drain((sql) =>
        this.claims.purgeIdle(sql, new Date(nowMs - CLAIM_IDLE_MS), BATCH),
      );
      if (pending + claims > 0) {
        this.logger.log(`removed ${pending} expired parked movements and ${claims} idle joining claims`);
      }
      return { pending, claims };
    } catch (error) {
      this.logger.warn(
        `housekeeping failed, next round retries: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { pending: 0, claims: 0 };
    }
  }

  private async drain(purge: (sql: SqlExecutor) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await this.unitOfWork.run('housekeeping', purge);
      total += removed;
      if (removed < BATCH) {
        return total;
      }
    }
  }
}

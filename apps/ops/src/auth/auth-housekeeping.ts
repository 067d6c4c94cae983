import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type PeriodicTask, runPeriodically } from '@chokepoint/service-runtime';
import { CLOCK, type Clock } from '../clock/clock';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionRepository } from './session.repository';

const INTERVAL_MS = 10 * 60_000;
const ATTEMPT_RETENTION_MS = 24 * 3_600_000;

/** Deletes expired sessions and day-old login attempts so neither table grows without bound. */
@Injectable()
export class AuthHousekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuthHousekeeping');
  private periodic: PeriodicTask | undefined;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly limiter: LoginRateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic = runPeriodically(INTERVAL_MS, () => this.sweep());
  }

  /** Before the database connections close: no new round, and the one in progress finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.periodic?.stop();
  }

  async sweep(): Promise<void> {
    const now = this.clock.now();
    try {
      await this.sessions.deleteExpired(now);
      await this.limiter.purgeOlderThan(new Date(now.getTime() - ATTEMPT_RETENTION_MS));
    } catch (error) {
      this.logger.warn(`housekeeping failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, type Clock } from '../clock/clock';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionRepository } from './session.repository';

const INTERVAL_MS = 10 * 60_000;
const ATTEMPT_RETENTION_MS = 24 * 3_600_000;

/** Deletes expired sessions and day-old login attempts so neither table grows without bound. */
@Injectable()
export class AuthHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuthHousekeeping');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly limiter: LoginRateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
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

import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@chokepoint/persistence';
import { CLOCK, type Clock } from '../clock/clock';
import { OpsEnvironment } from '../config/ops.environment';
import { AuthErrorCode, AuthException } from './auth.exception';

/**
 * Failed sign-ins per (username, client address), counted in PostgreSQL so every ops instance shares
 * the count. Each attempt is recorded as a failure before the password is checked, then marked as a
 * success, so concurrent guesses cannot slip past the limit; refused attempts count too, so a client
 * that keeps guessing stays locked out until it stops for a full window.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly env: OpsEnvironment,
  ) {}

  /** Records the attempt and throws 429 once the failures in the window exceed the limit. */
  async begin(username: string, ip: string): Promise<string> {
    const now = this.clock.now();
    const windowMs = this.env.OPS_LOGIN_WINDOW_MINUTES * 60_000;
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO ops_login_attempt (username, ip, succeeded, attempted_at) VALUES ($1, $2, false, $3)
       RETURNING id`,
      [username, ip, now],
    );
    const attemptId = inserted[0]?.id ?? '';
    const counted: Array<{ failures: string }> = await this.dataSource.query(
      `SELECT count(*) AS failures FROM ops_login_attempt a
        WHERE a.username = $1 AND a.ip = $2 AND NOT a.succeeded AND a.attempted_at > $3
          AND a.attempted_at > COALESCE(
            (SELECT max(b.attempted_at) FROM ops_login_attempt b
              WHERE b.username = $1 AND b.ip = $2 AND b.succeeded), '-infinity')`,
      [username, ip, new Date(now.getTime() - windowMs)],
    );
    if (Number(counted[0]?.failures ?? 0) > this.env.OPS_LOGIN_MAX_FAILURES) {
      throw new AuthException(AuthErrorCode.rateLimited, undefined, {
        'Retry-After': String(Math.ceil(windowMs / 1000)),
      });
    }
    return attemptId;
  }

  async succeeded(attemptId: string): Promise<void> {
    await this.dataSource.query(`UPDATE ops_login_attempt SET succeeded = true WHERE id = $1`, [attemptId]);
  }

  async purgeOlderThan(cutoff: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM ops_login_attempt WHERE attempted_at < $1`, [cutoff]);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, queryRunnerExecutor, type SqlExecutor } from '@chokepoint/persistence';
import { ScreeningMetrics } from '../metrics/screening.metrics';
import { ConcurrentJoinConflict } from './concurrent-join.conflict';

/**
 * PostgreSQL errors after which the same transaction, run again, can succeed: serialization failure,
 * deadlock, lock not available, and a unique violation from a row another transaction inserted first.
 */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '55P03', '23505']);
const MAX_ATTEMPTS = 5;

function sqlState(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  const code = driverError?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs work in one READ COMMITTED transaction; a deadlock, a conflict with a concurrent writer or a
 * ConcurrentJoinConflict rolls back and runs it again (the work must be free of side effects outside the transaction). Anything else propagates:
 * the consumer then retries the chunk without committing its offsets.
 */
@Injectable()
export class ScreeningUnitOfWork {
  private readonly logger = new Logger('UnitOfWork');

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly metrics: ScreeningMetrics,
  ) {}

  async run<T>(work: string, body: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        // PostgreSQL's default level is READ COMMITTED; naming it would cost another round trip.
        await runner.startTransaction();
        const result = await body(queryRunnerExecutor(runner));
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) {
          await runner.rollbackTransaction().catch(() => undefined);
        }
        const reason = error instanceof ConcurrentJoinConflict ? error.code : sqlState(error);
        const retryable = error instanceof ConcurrentJoinConflict || RETRYABLE_SQLSTATES.has(reason ?? '');
        if (retryable && attempt < MAX_ATTEMPTS) {
          this.metrics.retried(work);
          this.logger.warn(`${work}: transaction failed with ${reason}, retrying (attempt ${attempt + 1})`);
          continue;
        }
        throw error;
      } finally {
        await runner.release();
      }
    }
  }
}

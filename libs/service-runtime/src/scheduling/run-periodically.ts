import { Logger } from '@nestjs/common';

const logger = new Logger('Periodic');

/** A periodic task started by runPeriodically; stop() ends it. */
export interface PeriodicTask {
  /** No further runs; resolves once the run in progress (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, one run at a time: a tick that finds the previous run still going is
 * skipped, so a slow run (a database that hangs) never piles up runs behind it. It does not keep the
 * process alive. `task` handles its own errors; should one escape, it is logged and the next tick
 * still runs.
 */
export function runPeriodically(intervalMs: number, task: () => Promise<unknown>): PeriodicTask {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) {
      return;
    }
    running = task()
      .catch((error: unknown) => {
        logger.error(`periodic task failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}

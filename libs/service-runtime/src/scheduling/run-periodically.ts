/** A periodic task started by runPeriodically; stop() ends it. */
export interface PeriodicTask {
  /** No further runs; resolves once the run in progress (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, one run at a time (a run that overruns delays the next rather than
 * overlapping it), without keeping the process alive. `task` handles its own errors: a rejection would
 * stop the runs that follow it.
 */
export function runPeriodically(intervalMs: number, task: () => Promise<unknown>): PeriodicTask {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(task);
  }, intervalMs);
  timer.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}

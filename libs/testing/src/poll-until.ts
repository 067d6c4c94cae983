/**
 * Waits until `probe` returns a value that `accept` takes, polling; fails with the last value seen.
 * Integration tests use it instead of fixed sleeps.
 */
export async function pollUntil<T>(
  probe: () => Promise<T> | T,
  accept: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${options.description ?? 'condition'} not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

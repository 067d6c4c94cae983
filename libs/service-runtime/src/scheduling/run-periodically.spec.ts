import { runPeriodically } from './run-periodically';

describe('runPeriodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the task every interval, one run at a time, and stop() waits for the run in progress', async () => {
    const starts: number[] = [];
    let finish: () => void = () => undefined;
    const task = jest.fn(() => {
      starts.push(Date.now());
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const periodic = runPeriodically(1_000, task);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(task).toHaveBeenCalledTimes(1);
    // The first run has not finished: the second tick waits behind it instead of overlapping.
    await jest.advanceTimersByTimeAsync(1_000);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(2);
  });
});

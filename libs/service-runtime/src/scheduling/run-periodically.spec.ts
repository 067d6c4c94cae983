import { Logger } from '@nestjs/common';
import { runPeriodically } from './run-periodically';

describe('runPeriodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the task every interval and skips the ticks that find a run still going', async () => {
    let finish: () => void = () => undefined;
    const task = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const periodic = runPeriodically(1_000, task);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(task).toHaveBeenCalledTimes(1);
    // Three ticks while the first run hangs: none starts another run, and none is queued for later.
    await jest.advanceTimersByTimeAsync(3_000);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await periodic.stop();
  });

  it('logs a run that rejects and keeps running', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const task = jest.fn(() => Promise.reject(new Error('database down')));
    const periodic = runPeriodically(1_000, task);

    await jest.advanceTimersByTimeAsync(3_000);

    expect(task).toHaveBeenCalledTimes(3);
    expect(logged).toHaveBeenCalledTimes(3);
    expect(logged).toHaveBeenCalledWith('periodic task failed: database down');
    await periodic.stop();
    logged.mockRestore();
  });

  it('stops ticking on stop(), which waits for the run in progress', async () => {
    let finish: () => void = () => undefined;
    const task = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const periodic = runPeriodically(1_000, task);
    await jest.advanceTimersByTimeAsync(1_000);

    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});

import { WakeableDelay } from './wakeable-delay';

describe('WakeableDelay', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
    let settled = false;
    void promise.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(ms);
    return settled;
  }

  it('sleeps for its time when nobody wakes it', async () => {
    const delay = new WakeableDelay();
    const sleeping = delay.sleep(1_000);

    expect(await settledAfter(sleeping, 999)).toBe(false);
    expect(await settledAfter(sleeping, 1)).toBe(true);
  });

  it('ends the sleep in progress on wake()', async () => {
    const delay = new WakeableDelay();
    const sleeping = delay.sleep(60_000);
    await jest.advanceTimersByTimeAsync(10);

    delay.wake();

    expect(await settledAfter(sleeping, 0)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps no wake-up for later: a wake() while nothing sleeps leaves the next sleep its full time', async () => {
    const delay = new WakeableDelay();
    const first = delay.sleep(5);
    await jest.advanceTimersByTimeAsync(5);
    await first;

    delay.wake();
    const next = delay.sleep(1_000);

    expect(await settledAfter(next, 999)).toBe(false);
    expect(await settledAfter(next, 1)).toBe(true);
  });
});

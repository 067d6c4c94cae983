import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4's request queue, as patches/kafkajs+2.2.4.patch leaves it (applied by `npm ci`). Unpatched,
 * every answered request scheduled a check of the pending queue even when nothing was pending, with a
 * negative delay, and each check scheduled the next: every connection of every client ran a timer each
 * millisecond for as long as it lived (https://github.com/tulios/kafkajs/issues/1556). Measured on an idle
 * ingest service: 816 wakeups a second and 13% of a core, against 153 and 8% patched.
 */
interface RequestEntry {
  correlationId: number;
  resolve: () => void;
  reject: (error: Error) => void;
}
interface RequestQueue {
  push(request: { entry: RequestEntry; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(milliseconds: number): void;
  destroy(): void;
}
type RequestQueueClass = new (options: Record<string, unknown>) => RequestQueue;

const kafkajsRequire = createRequire(require.resolve('kafkajs'));
const RequestQueueClass = kafkajsRequire('./src/network/requestQueue') as RequestQueueClass;

const logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const entry = (correlationId: number): RequestEntry => ({
  correlationId,
  resolve: () => undefined,
  reject: (error) => {
    throw error;
  },
});

function requestQueue(): RequestQueue {
  return new RequestQueueClass({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: '127.0.0.1:9092',
    logger,
  });
}

describe('kafkajs request queue (patched)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('leaves no timer behind once every request is answered and nothing is pending', () => {
    const queue = requestQueue();
    const sent: number[] = [];
    for (const correlationId of [1, 2, 3]) {
      queue.push({
        entry: entry(correlationId),
        expectResponse: true,
        sendRequest: () => sent.push(correlationId),
      });
      queue.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
    }

    expect(sent).toEqual([1, 2, 3]);
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('still sends a request held back by broker throttling once the throttle ends', () => {
    const queue = requestQueue();
    const sent: number[] = [];
    queue.maybeThrottle(50);
    queue.push({ entry: entry(7), expectResponse: true, sendRequest: () => sent.push(7) });

    expect(sent).toEqual([]);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([7]);

    queue.fulfillRequest({ correlationId: 7, payload: Buffer.alloc(0), size: 0 });
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });
});

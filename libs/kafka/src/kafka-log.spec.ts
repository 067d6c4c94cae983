import { Logger } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { createIdempotentProducer, createKafka } from './kafka-client';
import { nestLogCreator } from './kafka-log';

describe('nestLogCreator', () => {
  const lines: Array<{ method: string; context: string | undefined; text: string }> = [];

  beforeEach(() => {
    lines.length = 0;
    for (const method of ['error', 'warn', 'log', 'debug'] as const) {
      jest.spyOn(Logger.prototype, method).mockImplementation(function (
        this: Logger,
        text: unknown,
        ...rest: unknown[]
      ) {
        const context = (this as unknown as { context?: string }).context;
        lines.push({ method, context, text: [text, ...rest].map(String).join(' ') });
      });
    }
  });

  afterEach(() => jest.restoreAllMocks());

  it("hands kafkajs's entries to Nest's Logger at the matching level, details after the message", () => {
    const log = nestLogCreator(logLevel.WARN);
    const timestamp = '2026-11-29T20:00:00.000Z';
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: {
        timestamp,
        logger: 'kafkajs',
        message: 'Connection error: connect ECONNREFUSED',
        broker: '127.0.0.1:9092',
      },
    });
    log({
      namespace: 'Runner',
      level: logLevel.WARN,
      label: 'WARN',
      log: { timestamp, message: 'rejoining' },
    });
    log({ namespace: '', level: logLevel.INFO, label: 'INFO', log: { timestamp, message: 'started' } });
    log({
      namespace: 'Fetcher',
      level: logLevel.DEBUG,
      label: 'DEBUG',
      log: { timestamp, message: 'fetching' },
    });

    expect(lines).toEqual([
      {
        method: 'error',
        context: 'kafkajs:Connection',
        text: 'Connection error: connect ECONNREFUSED {"broker":"127.0.0.1:9092"}',
      },
      { method: 'warn', context: 'kafkajs:Runner', text: 'rejoining' },
      { method: 'log', context: 'kafkajs', text: 'started' },
      { method: 'debug', context: 'kafkajs:Fetcher', text: 'fetching' },
    ]);
  });

  it("keeps the bounded-retries warning of the project's own idempotent producer at debug", () => {
    // Creating a producer connects to nothing; kafkajs warns about the retry bound right away.
    createIdempotentProducer(
      createKafka({ clientId: 'log-spec', brokers: ['127.0.0.1:1'], topicPartitions: 1 }),
    );

    expect(lines.filter((line) => line.method === 'warn')).toEqual([]);
    expect(lines).toContainEqual({
      method: 'debug',
      context: 'kafkajs:Producer',
      text: 'Limiting retries for the idempotent producer may invalidate EoS guarantees',
    });
  });

  it('still warns about everything else the producer says', () => {
    nestLogCreator(logLevel.WARN)({
      namespace: 'Producer',
      level: logLevel.WARN,
      label: 'WARN',
      log: { timestamp: '2026-11-29T20:00:00.000Z', message: 'Failed to send messages' },
    });

    expect(lines).toEqual([{ method: 'warn', context: 'kafkajs:Producer', text: 'Failed to send messages' }]);
  });
});

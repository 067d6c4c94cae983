import type { ConsumerConfig, EachBatchPayload, Kafka, KafkaMessage, Message, Producer } from 'kafkajs';
import type { RejectionRecord } from '@chokepoint/contracts';
import { BatchConsumer, type BatchHandler, type RecordOutcome } from './batch-consumer';
import type { InboundRecord } from './inbound-record';

/** A kafkajs stand-in that hands the consumer's eachBatch to the test and records sends and commits. */
function fakeKafka(): {
  kafka: Kafka;
  producer: Producer;
  sends: Array<{ topic: string; messages: Message[] }>;
  commits: Array<Array<{ partition: number; offset: string }>>;
  runBatch: (messages: KafkaMessage[], highWatermark?: string, partition?: number) => Promise<void>;
} {
  const sends: Array<{ topic: string; messages: Message[] }> = [];
  const commits: Array<Array<{ partition: number; offset: string }>> = [];
  let eachBatch: ((payload: EachBatchPayload) => Promise<void>) | undefined;
  const consumer = {
    connect: () => Promise.resolve(),
    subscribe: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    run: (config: { eachBatch: (payload: EachBatchPayload) => Promise<void> }) => {
      eachBatch = config.eachBatch;
      return Promise.resolve();
    },
    commitOffsets: (offsets: Array<{ partition: number; offset: string }>) => {
      commits.push(offsets.map(({ partition, offset }) => ({ partition, offset })));
      return Promise.resolve();
    },
  };
  const producer = {
    send: (record: { topic: string; messages: Message[] }) => {
      sends.push({ topic: record.topic, messages: record.messages });
      return Promise.resolve([]);
    },
  };
  const runBatch = async (messages: KafkaMessage[], highWatermark = '0', partition = 2): Promise<void> => {
    if (!eachBatch) {
      throw new Error('consumer not started');
    }
    const payload = {
      batch: { topic: 'in', partition, messages, highWatermark },
      isRunning: () => true,
      isStale: () => false,
      resolveOffset: () => undefined,
      heartbeat: () => Promise.resolve(),
    };
    await eachBatch(payload as unknown as EachBatchPayload);
  };
  return {
    kafka: { consumer: () => consumer } as unknown as Kafka,
    producer: producer as unknown as Producer,
    sends,
    commits,
    runBatch,
  };
}

function message(offset: number, value: string | Buffer): KafkaMessage {
  return {
    offset: String(offset),
    key: Buffer.from(`k${offset}`),
    value: Buffer.isBuffer(value) ? value : Buffer.from(value),
    headers: {},
    timestamp: '1772618400000',
    attributes: 0,
  };
}

class ScriptedHandler implements BatchHandler {
  readonly seen: InboundRecord[][] = [];

  constructor(private readonly outcomeFor: (record: InboundRecord) => RecordOutcome) {}

  handleBatch(records: InboundRecord[]): Promise<RecordOutcome[]> {
    this.seen.push(records);
    return Promise.resolve(records.map((record) => this.outcomeFor(record)));
  }
}

const error = (path: string): { path: string; code: string; message: string } => ({
  path,
  code: 'field.format',
  message: `${path}: bad`,
});

const OUTCOMES: Record<string, RecordOutcome> = {
  done: { kind: 'done' },
  rejected: { kind: 'rejected', errors: [error('')] },
  partial: { kind: 'partial', errors: [error('events[2].eventDateTime')] },
};

describe('BatchConsumer', () => {
  const clock = (): Date => new Date('2026-03-04T10:00:00Z');

  it('asks kafkajs for fetches of at least fetchMinBytes, waiting at most fetchMaxWaitMs, when given', () => {
    const configs: ConsumerConfig[] = [];
    const kafka = {
      consumer: (config: ConsumerConfig) => {
        configs.push(config);
        return {};
      },
    } as unknown as Kafka;
    const handler = new ScriptedHandler(() => OUTCOMES.done!);
    const options = { groupId: 'g', topics: ['in'], chunkSize: 10 };
    new BatchConsumer(kafka, fakeKafka().producer, handler, {
      ...options,
      fetchMinBytes: 4096,
      fetchMaxWaitMs: 15,
    });
    new BatchConsumer(kafka, fakeKafka().producer, handler, options);

    expect(configs[0]).toMatchObject({ groupId: 'g', minBytes: 4096, maxWaitTimeInMs: 15 });
    expect(configs[1]).not.toHaveProperty('minBytes');
    expect(configs[1]).not.toHaveProperty('maxWaitTimeInMs');
  });

  it('dead-letters rejected and partially processed records, with their errors, and commits after the chunk', async () => {
    const fake = fakeKafka();
    const handler = new ScriptedHandler(
      (record) => OUTCOMES[record.value?.toString() ?? ''] ?? OUTCOMES.done!,
    );
    const consumer = new BatchConsumer(fake.kafka, fake.producer, handler, {
      groupId: 'g',
      topics: ['in'],
      chunkSize: 10,
      deadLetterTopic: 'dlq',
      clock,
    });
    await consumer.start();
    await fake.runBatch([
      message(5, 'done'),
      message(6, 'partial'),
      message(7, 'rejected'),
      message(8, 'done'),
    ]);

    expect(fake.sends).toHaveLength(1);
    expect(fake.sends[0]?.topic).toBe('dlq');
    const deadLetters = fake.sends[0]?.messages.map(
      (sent) => JSON.parse(String(sent.value)) as RejectionRecord,
    );
    expect(deadLetters?.map((record) => [record.offset, record.errors.map((e) => e.path)])).toEqual([
      ['6', ['events[2].eventDateTime']],
      ['7', ['']],
    ]);
    expect(deadLetters?.[0]?.value).toBe(Buffer.from('partial').toString('base64'));
    expect(deadLetters?.[0]?.rejectedAt).toBe('2026-03-04T10:00:00.000Z');
    expect(fake.commits).toEqual([[{ partition: 2, offset: '9' }]]);
  });

  it('handles a batch in chunks and commits after each one', async () => {
    const fake = fakeKafka();
    const handler = new ScriptedHandler(() => OUTCOMES.done!);
    const consumer = new BatchConsumer(fake.kafka, fake.producer, handler, {
      groupId: 'g',
      topics: ['in'],
      chunkSize: 2,
      clock,
    });
    await consumer.start();
    await fake.runBatch([0, 1, 2, 3, 4].map((offset) => message(offset, 'done')));

    expect(handler.seen.map((chunk) => chunk.map((record) => record.offset))).toEqual([
      ['0', '1'],
      ['2', '3'],
      ['4'],
    ]);
    expect(fake.commits.map((commit) => commit[0]?.offset)).toEqual(['2', '4', '5']);
    expect(fake.sends).toEqual([]);
  });

  it('commits the offsets of partitions whose chunks finish together in one request', async () => {
    const fake = fakeKafka();
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const started: number[] = [];
    // A handler that gathers partitions (as ChunkCoalescer does): both chunks finish in one turn.
    const handler: BatchHandler = {
      async handleBatch(records) {
        started.push(records[0]?.partition ?? -1);
        await finished;
        return records.map(() => ({ kind: 'done' }));
      },
    };
    const consumer = new BatchConsumer(fake.kafka, fake.producer, handler, {
      groupId: 'g',
      topics: ['in'],
      chunkSize: 10,
      clock,
    });
    await consumer.start();

    const first = fake.runBatch([message(0, 'a'), message(1, 'b')], '2', 0);
    const second = fake.runBatch([message(7, 'c')], '8', 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    finish();
    await Promise.all([first, second]);

    expect(fake.commits).toEqual([
      [
        { partition: 0, offset: '2' },
        { partition: 1, offset: '8' },
      ],
    ]);
  });

  it.each([
    { highWatermark: '10', expected: [7, 5] },
    { highWatermark: '5', expected: [2, 0] },
    // A stale watermark (fetched before the last records) never reports negative lag.
    { highWatermark: '3', expected: [0, 0] },
  ])(
    'reports the lag after each chunk (high watermark $highWatermark)',
    async ({ highWatermark, expected }) => {
      const fake = fakeKafka();
      const lags: Array<[string, number, number]> = [];
      const consumer = new BatchConsumer(
        fake.kafka,
        fake.producer,
        new ScriptedHandler(() => OUTCOMES.done!),
        {
          groupId: 'g',
          topics: ['in'],
          chunkSize: 3,
          clock,
          onLag: (topic, partition, lag) => lags.push([topic, partition, lag]),
        },
      );
      await consumer.start();
      await fake.runBatch(
        [0, 1, 2, 3, 4].map((offset) => message(offset, 'done')),
        highWatermark,
      );

      expect(lags).toEqual(expected.map((lag) => ['in', 2, lag]));
    },
  );

  it('sends large dead letters in several sends so that no record batch overflows', async () => {
    const fake = fakeKafka();
    const handler = new ScriptedHandler(() => OUTCOMES.rejected!);
    const consumer = new BatchConsumer(fake.kafka, fake.producer, handler, {
      groupId: 'g',
      topics: ['in'],
      chunkSize: 10,
      clock,
    });
    await consumer.start();
    const large = Buffer.alloc(500 * 1024, 0x41);
    await fake.runBatch([message(0, large), message(1, large), message(2, 'small')]);

    expect(fake.sends.map((send) => send.messages.length)).toEqual([1, 2]);
    expect(fake.sends.every((send) => send.topic === 'chokepoint.dlq.v1')).toBe(true);
  });

  it('refuses a handler that loses track of records, and commits nothing', async () => {
    const fake = fakeKafka();
    const handler: BatchHandler = { handleBatch: () => Promise.resolve([{ kind: 'done' }]) };
    const errors: unknown[] = [];
    const consumer = new BatchConsumer(fake.kafka, fake.producer, handler, {
      groupId: 'g',
      topics: ['in'],
      chunkSize: 10,
      onError: (failure) => errors.push(failure),
    });
    await consumer.start();
    await expect(fake.runBatch([message(0, 'a'), message(1, 'b')])).rejects.toThrow(
      'handler returned 1 outcomes for 2 records',
    );
    expect(fake.commits).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

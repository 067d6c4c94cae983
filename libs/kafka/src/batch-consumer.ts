import type { Consumer, EachBatchPayload, Kafka, Producer, TopicPartitionOffset } from 'kafkajs';
import { type RejectionError, Topics } from '@chokepoint/contracts';
import { ChunkCoalescer } from './chunk-coalescer';
import { toDeadLetterMessage } from './dead-letter';
import { type InboundRecord, toInboundRecord } from './inbound-record';
import { sendSizeBounded } from './size-bounded-send';

/**
 * What became of one record: its work is durable; it can never be processed and goes to the DLQ; or
 * part of it is durable (the good events of a push body) and the record also goes to the DLQ with the
 * errors of the parts that failed, so that nothing is silently lost.
 */
export type RecordOutcome =
  | { kind: 'done' }
  | { kind: 'rejected'; errors: RejectionError[] }
  | { kind: 'partial'; errors: RejectionError[] };

export interface BatchHandler {
  /**
   * Processes records in order and returns one outcome per record, in the same order. Resolve only when
   * the work is durable. Throw for a transient failure (database down): the chunk is retried and
   * nothing after it is committed.
   */
  handleBatch(records: InboundRecord[], heartbeat: () => Promise<void>): Promise<RecordOutcome[]>;
}

export interface BatchConsumerOptions {
  groupId: string;
  topics: readonly string[];
  /** Records handed to the handler at once; offsets are committed after each chunk. */
  chunkSize: number;
  /** Where rejected records go; chokepoint.dlq.v1 unless a test says otherwise. */
  deadLetterTopic?: string;
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  /** A fetch waits for this many bytes, or fetchMaxWaitMs, before the broker answers (kafkajs: 1 and 5 s). */
  fetchMinBytes?: number;
  fetchMaxWaitMs?: number;
  clock?: () => Date;
  onError?: (error: unknown, context: { topic: string; partition: number; firstOffset: string }) => void;
  /**
   * Records still to read on a partition after a chunk is committed (high watermark minus the next
   * offset), for a lag gauge. Measured by the consumer itself, so it needs no admin round trip.
   */
  onLag?: (topic: string, partition: number, lag: number) => void;
}

/**
 * A kafkajs consumer that works in batches, commits an offset only once the work of every record
 * before it is durable or dead-lettered, and keeps its group membership alive during long batches.
 */
export class BatchConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetterTopic: string;
  private readonly clock: () => Date;
  /**
   * Offsets of chunks that finish in the same turn of the event loop (a handler that gathers partitions
   * finishes them together) go in one OffsetCommit request instead of one per partition. A partition has
   * at most one chunk in flight, so a group never holds two offsets of one partition.
   */
  private readonly commits = new ChunkCoalescer<TopicPartitionOffset, void>(
    async (offsets) => {
      await this.consumer.commitOffsets(offsets);
      return offsets.map(() => undefined);
    },
    { maxItems: Number.MAX_SAFE_INTEGER, maxInFlight: Number.MAX_SAFE_INTEGER },
  );

  constructor(
    kafka: Kafka,
    private readonly producer: Producer,
    private readonly handler: BatchHandler,
    private readonly options: BatchConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxBytesPerPartition: 2 * 1024 * 1024,
      ...(options.fetchMinBytes === undefined ? {} : { minBytes: options.fetchMinBytes }),
      ...(options.fetchMaxWaitMs === undefined ? {} : { maxWaitTimeInMs: options.fetchMaxWaitMs }),
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.deadLetterTopic = options.deadLetterTopic ?? Topics.deadLetter;
    this.clock = options.clock ?? ((): Date => new Date());
  }

  get events(): Consumer['events'] {
    return this.consumer.events;
  }

  on: Consumer['on'] = (...args) => this.consumer.on(...args);

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  /** Stops fetching, lets the current chunk finish and commit, and leaves the group. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const messages = batch.messages;
    for (let start = 0; start < messages.length; start += this.options.chunkSize) {
      if (!payload.isRunning() || payload.isStale()) {
        return;
      }
      const chunk = messages.slice(start, start + this.options.chunkSize);
      const records = chunk.map((message) => toInboundRecord(batch.topic, batch.partition, message));
      try {
        const outcomes = await this.handler.handleBatch(records, () => payload.heartbeat());
        await this.deadLetter(records, outcomes);
      } catch (error) {
        this.options.onError?.(error, {
          topic: batch.topic,
          partition: batch.partition,
          firstOffset: records[0]?.offset ?? '',
        });
        throw error;
      }
      const last = records[records.length - 1];
      if (last) {
        payload.resolveOffset(last.offset);
        // autoCommit is off, so commit explicitly: the committed offset is the next record to read.
        await this.commits.submit([
          { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
        ]);
        this.reportLag(batch.topic, batch.partition, batch.highWatermark, last.offset);
      }
      await payload.heartbeat();
    }
  }

  private reportLag(topic: string, partition: number, highWatermark: string, lastOffset: string): void {
    if (!this.options.onLag) {
      return;
    }
    const lag = BigInt(highWatermark) - BigInt(lastOffset) - 1n;
    // The watermark is read at fetch time, so records produced since can make it trail; never negative.
    this.options.onLag(topic, partition, lag > 0n ? Number(lag) : 0);
  }

  private async deadLetter(records: InboundRecord[], outcomes: RecordOutcome[]): Promise<void> {
    if (outcomes.length !== records.length) {
      throw new Error(`handler returned ${outcomes.length} outcomes for ${records.length} records`);
    }
    const rejectedAt = this.clock();
    const messages = records.flatMap((record, index) => {
      const outcome = outcomes[index];
      return outcome === undefined || outcome.kind === 'done'
        ? []
        : [toDeadLetterMessage(record, outcome.errors, rejectedAt)];
    });
    if (messages.length > 0) {
      // Dead letters carry the original bytes: a few large ones must not overflow one record batch.
      await sendSizeBounded(this.producer, this.deadLetterTopic, messages);
    }
  }
}

import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import {
  BatchConsumer,
  type BatchHandler,
  ChunkCoalescer,
  ensureTopics,
  type InboundRecord,
  KAFKA,
  KAFKA_PRODUCER,
  KAFKA_SETTINGS,
  type KafkaSettings,
  type RecordOutcome,
} from '@chokepoint/kafka';
import { consumerLagReporter } from '@chokepoint/service-runtime';
import { ScreeningEnvironment } from '../config/screening.environment';
import { ScreeningMetrics } from '../metrics/screening.metrics';
import { ApplyCanonicalEventsUseCase, type CanonicalRecord } from './apply-canonical-events.usecase';
import { decodeCanonicalRecord } from './canonical-event.decoder';

/**
 * Consumes canonical manifests and movements (group chokepoint-screening; instances share the
 * partitions) and hands the chunks of the partitions in flight, gathered by a ChunkCoalescer, to the
 * use case; BatchConsumer commits a partition's offsets only after the transaction holding its chunk
 * committed. Undecodable records go to the dead-letter topic with their reasons.
 */
@Injectable()
export class CanonicalEventsConsumer
  implements BatchHandler, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('CanonicalEventsConsumer');
  private consumer: BatchConsumer | undefined;
  private readonly coalescer: ChunkCoalescer<CanonicalRecord, RecordOutcome>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_SETTINGS) private readonly kafkaSettings: KafkaSettings,
    private readonly applyEvents: ApplyCanonicalEventsUseCase,
    private readonly metrics: ScreeningMetrics,
    private readonly env: ScreeningEnvironment,
    private readonly registry: Registry,
  ) {
    this.coalescer = new ChunkCoalescer((items) => this.apply(items), {
      maxItems: env.SCREENING_CHUNK_SIZE,
      maxInFlight: env.SCREENING_TRANSACTIONS_IN_FLIGHT,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        [this.env.CANONICAL_EVENTS_TOPIC, this.env.DECISIONS_TOPIC, this.env.DEAD_LETTER_TOPIC],
        this.kafkaSettings.topicPartitions,
      );
    } finally {
      await admin.disconnect();
    }
    this.consumer = new BatchConsumer(this.kafka, this.producer, this, {
      groupId: this.env.SCREENING_CONSUMER_GROUP,
      topics: [this.env.CANONICAL_EVENTS_TOPIC],
      chunkSize: this.env.SCREENING_CHUNK_SIZE,
      deadLetterTopic: this.env.DEAD_LETTER_TOPIC,
      partitionsConsumedConcurrently: this.env.SCREENING_PARTITIONS_CONCURRENCY,
      fetchMinBytes: this.env.KAFKA_FETCH_MIN_BYTES,
      fetchMaxWaitMs: this.env.KAFKA_FETCH_MAX_WAIT_MS,
      onLag: consumerLagReporter(this.registry, this.env.SCREENING_CONSUMER_GROUP),
      onError: (error, at) =>
        this.logger.error(
          `chunk at ${at.topic}[${at.partition}]@${at.firstOffset} failed, it will be retried: ${describe(error)}`,
        ),
    });
    await this.consumer.start();
    this.logger.log(`consuming ${this.env.CANONICAL_EVENTS_TOPIC} as ${this.env.SCREENING_CONSUMER_GROUP}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  /** Every record's outcome is 'done': dead letters travel through the outbox, in the chunk's transaction. */
  handleBatch(records: InboundRecord[]): Promise<RecordOutcome[]> {
    return this.coalescer.submit(
      records.map((record) => ({
        record,
        decoded: decodeCanonicalRecord(record, this.env.SCREENING_CANONICAL_VALIDATION),
      })),
    );
  }

  private async apply(decoded: CanonicalRecord[]): Promise<RecordOutcome[]> {
    const done = this.metrics.startChunk();
    const result = await this.applyEvents.execute(decoded);
    const committedAt = new Date();
    for (const { record, decoded: outcome } of decoded) {
      this.metrics.committed(outcome.ok ? outcome.event.kind : 'UNDECODABLE', record.timestamp, committedAt);
    }
    result.applied.forEach((event) => this.metrics.consumed(event.kind, 'applied'));
    this.metrics.consumed('ANY', 'duplicate', result.duplicates);
    for (const { record, errors } of result.rejected) {
      this.metrics.consumed('ANY', 'rejected');
      this.logger.warn(
        `dead-lettering ${record.topic}[${record.partition}]@${record.offset}: ${errors.map((e) => `${e.path} ${e.code} ${e.message}`).join('; ')}`,
      );
    }
    this.metrics.issued(result.decisions);
    done();
    return decoded.map(() => ({ kind: 'done' }));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

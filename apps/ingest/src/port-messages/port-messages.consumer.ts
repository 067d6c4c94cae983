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
  type RecordOutcome,
} from '@chokepoint/kafka';
import { consumerLagReporter } from '@chokepoint/service-runtime';
import { IngestPortMessagesUseCase } from './ingest-port-messages.usecase';
import { PortMessagesException } from './port-messages.exception';
import { PORT_MESSAGES_SETTINGS, type PortMessagesSettings } from './port-messages.settings';

/**
 * Transport adapter: consumes port.manifests.v1 and port.movements.v1 in chunks, hands the chunks of
 * the partitions in flight, gathered by a ChunkCoalescer, to the use case, and lets BatchConsumer
 * dead-letter what was rejected and commit each partition's offsets.
 */
@Injectable()
export class PortMessagesConsumer implements BatchHandler, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PortMessagesConsumer');
  private consumer: BatchConsumer | undefined;
  private readonly coalescer: ChunkCoalescer<InboundRecord, RecordOutcome>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(PORT_MESSAGES_SETTINGS) private readonly settings: PortMessagesSettings,
    private readonly ingest: IngestPortMessagesUseCase,
    private readonly registry: Registry,
  ) {
    this.coalescer = new ChunkCoalescer((records) => this.ingest.execute(records), {
      maxItems: settings.chunkSize,
      maxInFlight: settings.chunksInFlight,
    });
  }

  handleBatch(records: InboundRecord[]): Promise<RecordOutcome[]> {
    return this.coalescer.submit(records);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { manifestsTopic, movementsTopic, outputTopic, deadLetterTopic } = this.settings;
    await this.ensureTopics([manifestsTopic, movementsTopic, outputTopic, deadLetterTopic]);
    const consumer = new BatchConsumer(this.kafka, this.producer, this, {
      groupId: this.settings.consumerGroup,
      topics: [manifestsTopic, movementsTopic],
      chunkSize: this.settings.chunkSize,
      partitionsConsumedConcurrently: this.settings.partitionsConcurrently,
      fetchMinBytes: this.settings.fetchMinBytes,
      fetchMaxWaitMs: this.settings.fetchMaxWaitMs,
      deadLetterTopic,
      onLag: consumerLagReporter(this.registry, this.settings.consumerGroup),
      onError: (error, { topic, partition, firstOffset }) => {
        const code = error instanceof PortMessagesException ? error.code : 'ingest.unexpected';
        this.logger.error(
          `chunk failed, will retry code=${code} topic=${topic} partition=${partition} firstOffset=${firstOffset}: ${String(error)}`,
        );
      },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.logger.error(`consumer crashed restart=${String(payload.restart)}: ${String(payload.error)}`);
    });
    this.consumer = consumer;
    await consumer.start();
    this.logger.log(
      `consuming ${manifestsTopic}, ${movementsTopic} as ${this.settings.consumerGroup} into ${outputTopic}`,
    );
  }

  /** Before the producer closes: finish and commit the current chunk, then leave the group. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  /** The pinned topics are created by KafkaModule; configured ones (a benchmark's) may differ. */
  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, [...new Set(topics)], this.settings.topicPartitions);
      if (created.length > 0) {
        this.logger.log(`created topics ${created.join(', ')}`);
      }
    } finally {
      await admin.disconnect();
    }
  }
}

import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { BatchConsumer, KAFKA, KAFKA_PRODUCER } from '@chokepoint/kafka';
import { consumerLagReporter } from '@chokepoint/service-runtime';
import { OpsEnvironment } from '../config/ops.environment';
import { HoldProjectionService } from './hold-projection.service';

/** Feeds chokepoint.decisions.v1 into the hold queue (consumer group chokepoint-ops). */
@Injectable()
export class DecisionsProjectionConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DecisionsProjection');
  private consumer: BatchConsumer | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly projection: HoldProjectionService,
    private readonly env: OpsEnvironment,
    private readonly registry: Registry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.OPS_DECISIONS_CONSUMER_ENABLED) {
      this.logger.log('decisions consumer disabled (OPS_DECISIONS_CONSUMER_ENABLED=false)');
      return;
    }
    this.consumer = new BatchConsumer(this.kafka, this.producer, this.projection, {
      groupId: this.env.OPS_DECISIONS_GROUP_ID,
      topics: [this.env.OPS_DECISIONS_TOPIC],
      chunkSize: 200,
      fromBeginning: true,
      onLag: consumerLagReporter(this.registry, this.env.OPS_DECISIONS_GROUP_ID),
      onError: (error, context) =>
        this.logger.warn(
          `chunk from ${context.topic}[${context.partition}]@${context.firstOffset} failed and will be retried: ${
            error instanceof Error ? error.message : String(error)
          }`,
        ),
    });
    await this.consumer.start();
  }

  /** Before the producer closes (onApplicationShutdown), so a chunk in flight can still dead-letter. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}

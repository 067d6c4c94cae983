import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { createIdempotentProducer, createKafka } from './kafka-client';
import type { KafkaSettings } from './kafka-settings';
import { ensureTopics } from './topic-provisioner';

export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const KAFKA_SETTINGS = Symbol('KAFKA_SETTINGS');
const KAFKA_TOPICS = Symbol('KAFKA_TOPICS');

/** Creates missing topics before anything consumes or produces, and closes the producer last. */
@Injectable()
export class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    @Inject(KAFKA_TOPICS) private readonly topics: readonly string[],
  ) {}

  async onModuleInit(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, this.topics, this.settings.topicPartitions);
      if (created.length > 0) {
        this.logger.log(
          `created topics ${created.join(', ')} with ${this.settings.topicPartitions} partitions`,
        );
      }
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** Reports whether the broker answers a metadata request; used by readiness checks. */
@Injectable()
export class KafkaHealth {
  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {}

  async check(): Promise<{ up: boolean; detail?: string }> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { up: cluster.brokers.length > 0 };
    } catch (error) {
      return { up: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

@Module({})
export class KafkaModule {
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
    useFactory: (...args: never[]) => KafkaSettings;
    topics: readonly string[];
  }): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: KAFKA_SETTINGS, inject: options.inject, useFactory: options.useFactory },
        { provide: KAFKA_TOPICS, useValue: options.topics },
        { provide: KAFKA, inject: [KAFKA_SETTINGS], useFactory: createKafka },
        { provide: KAFKA_PRODUCER, inject: [KAFKA], useFactory: createIdempotentProducer },
        KafkaLifecycle,
        KafkaHealth,
      ],
      exports: [KAFKA, KAFKA_PRODUCER, KAFKA_SETTINGS, KafkaHealth],
    };
  }
}

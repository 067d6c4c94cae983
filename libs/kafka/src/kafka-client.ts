import { Kafka, logLevel, type Producer } from 'kafkajs';
import { KeyPartitioner } from './key-partitioner';
import { nestLogCreator } from './kafka-log';
import type { KafkaSettings } from './kafka-settings';

export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
  });
}

/** Idempotent producer: acks from all in-sync replicas, no duplicates from its own retries. */
export function createIdempotentProducer(kafka: Kafka): Producer {
  // kafkajs's default (murmur2, Java-compatible) partitioning, computed without its allocations; stated,
  // too, so kafkajs stops warning about its v2 change.
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: KeyPartitioner,
  });
}

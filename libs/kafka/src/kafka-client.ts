import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
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
  // The default (murmur2, Java-compatible) partitioner, stated so kafkajs stops warning about its v2 change.
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

import type { IngestEnvironment } from '../config/ingest.environment';

export const PORT_MESSAGES_SETTINGS = Symbol('PORT_MESSAGES_SETTINGS');

/** What the port-messages feature needs from the environment, and nothing else. */
export interface PortMessagesSettings {
  manifestsTopic: string;
  movementsTopic: string;
  outputTopic: string;
  deadLetterTopic: string;
  consumerGroup: string;
  chunkSize: number;
  partitionsConcurrently: number;
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
  chunksInFlight: number;
  decodeWorkers: number;
  topicPartitions: number;
  defaultOriginatingParty: string;
  seenRetentionDays: number;
  housekeepingIntervalMs: number;
}

export function portMessagesSettings(environment: IngestEnvironment): PortMessagesSettings {
  return {
    manifestsTopic: environment.INGEST_MANIFESTS_TOPIC,
    movementsTopic: environment.INGEST_MOVEMENTS_TOPIC,
    outputTopic: environment.INGEST_OUTPUT_TOPIC,
    deadLetterTopic: environment.INGEST_DEAD_LETTER_TOPIC,
    consumerGroup: environment.INGEST_CONSUMER_GROUP,
    chunkSize: environment.INGEST_CHUNK_SIZE,
    partitionsConcurrently: environment.INGEST_PARTITIONS_CONCURRENTLY,
    fetchMinBytes: environment.KAFKA_FETCH_MIN_BYTES,
    fetchMaxWaitMs: environment.KAFKA_FETCH_MAX_WAIT_MS,
    chunksInFlight: environment.INGEST_CHUNKS_IN_FLIGHT,
    decodeWorkers: environment.INGEST_DECODE_WORKERS,
    topicPartitions: environment.KAFKA_TOPIC_PARTITIONS,
    defaultOriginatingParty: environment.INGEST_DEFAULT_ORIGINATING_PARTY,
    seenRetentionDays: environment.INGEST_SEEN_RETENTION_DAYS,
    housekeepingIntervalMs: environment.INGEST_HOUSEKEEPING_INTERVAL_MS,
  };
}

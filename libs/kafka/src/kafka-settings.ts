export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Partitions for topics this service creates when they are missing. */
  topicPartitions: number;
}

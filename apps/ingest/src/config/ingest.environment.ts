import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { CommonEnvironment } from '@chokepoint/config';
import { Topics } from '@chokepoint/contracts';

const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;
const TOPIC_MESSAGE = { message: '$property must be a Kafka topic name (letters, digits, ".", "_", "-")' };

export class IngestEnvironment extends CommonEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3001;

  // Topic names default to the pinned ones; a benchmark or a test points them elsewhere.
  @Matches(TOPIC_NAME, TOPIC_MESSAGE)
  INGEST_MANIFESTS_TOPIC: string = Topics.portManifests;

  @Matches(TOPIC_NAME, TOPIC_MESSAGE)
  INGEST_MOVEMENTS_TOPIC: string = Topics.portMovements;

  @Matches(TOPIC_NAME, TOPIC_MESSAGE)
  INGEST_OUTPUT_TOPIC: string = Topics.canonicalEvents;

  @Matches(TOPIC_NAME, TOPIC_MESSAGE)
  INGEST_DEAD_LETTER_TOPIC: string = Topics.deadLetter;

  @IsString()
  @IsNotEmpty()
  INGEST_CONSUMER_GROUP: string = 'chokepoint-ingest';

  /** Records decoded, deduplicated and published together; one database round trip and one send each. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  INGEST_CHUNK_SIZE: number = 500;

  /**
   * Partitions whose fetched batches are handed over at once. kafkajs fetches again only once every
   * batch of a fetch is handled, so this covers all the partitions of the two port topics (6 each by
   * default): with 3, a fetch of 12 was worked off in four rounds and the last records waited for all
   * of them. The chunks handed over together are handled as one (INGEST_CHUNKS_IN_FLIGHT bounds the work).
   */
  @IsInt()
  @Min(1)
  @Max(64)
  INGEST_PARTITIONS_CONCURRENTLY: number = 12;

  /**
   * Chunks worked on at once; chunks of other partitions that arrive meanwhile are decoded, deduplicated
   * and published together in the next one (up to INGEST_CHUNK_SIZE records).
   */
  @IsInt()
  @Min(1)
  @Max(64)
  INGEST_CHUNKS_IN_FLIGHT: number = 2;

  /**
   * Worker threads that decode beside the main thread, which then only does Kafka and PostgreSQL I/O;
   * 0 decodes in the main thread. Each thread holds its own reference data (about 120 MB).
   */
  @IsInt()
  @Min(0)
  @Max(16)
  INGEST_DECODE_WORKERS: number = 0;

  /** originatingParty for TNT 2.2 events whose record has no `originating-party` header. */
  @IsString()
  @IsNotEmpty()
  INGEST_DEFAULT_ORIGINATING_PARTY: string = 'UNKNOWN';

  /**
   * Days a forwarded event's fingerprint is kept for spotting redeliveries and resends. Past it, the same
   * event sent again is forwarded again (screening applies it idempotently); the table stops growing.
   */
  @IsInt()
  @Min(1)
  @Max(3650)
  INGEST_SEEN_RETENTION_DAYS: number = 60;

  /** How often fingerprints past their retention are removed (in batches; any instance may do it). */
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  INGEST_HOUSEKEEPING_INTERVAL_MS: number = 600_000;
}

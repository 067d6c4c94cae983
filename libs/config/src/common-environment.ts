import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Fetch sizing of the services' consumers (KAFKA_FETCH_MIN_BYTES, KAFKA_FETCH_MAX_WAIT_MS); benches use it too. */
export const KAFKA_FETCH_DEFAULTS = { minBytes: 256 * 1024, maxWaitMs: 20 } as const;

/** Settings every Chokepoint app shares; each app's environment class extends it. */
export class CommonEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'log';

  /** One JSON object per line, or text for people; unset means json in production, text elsewhere. */
  @IsOptional()
  @IsIn(['json', 'text'])
  LOG_FORMAT?: 'json' | 'text';

  /** Comma-separated host:port list. */
  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS: number = 6;

  /**
   * The ingest and screening consumers' fetches wait for this many bytes, or KAFKA_FETCH_MAX_WAIT_MS,
   * before the broker answers. With kafkajs's 1 byte, a steady flow came back a few records per fetch,
   * and every fetch, chunk, database round trip and offset commit was paid for those few: at 1,000
   * port records/s end to end the 2 cores were 86% busy; with 256 KiB and 20 ms, 61% (same latency).
   * Screening, whose input ingest writes a chunk at a time, defaults to 1 byte (ScreeningEnvironment).
   */
  @IsInt()
  @Min(1)
  @Max(16 * 1024 * 1024)
  KAFKA_FETCH_MIN_BYTES: number = KAFKA_FETCH_DEFAULTS.minBytes;

  /**
   * The most a fetch waits for KAFKA_FETCH_MIN_BYTES. Below that many bytes per wait (12.8 MB/s with
   * the defaults, above the 3-6 MB/s the pipeline carries on two cores) every fetch waits this long,
   * and kafkajs fetches again only once the last fetch's batches are processed: so a consumer hop with
   * that minimum adds this wait plus a processing cycle to a record's latency, at any load, not just on
   * a quiet topic. With a minimum of 1 byte (screening's default) it only bounds a fetch on an idle topic.
   */
  @IsInt()
  @Min(0)
  @Max(5_000)
  KAFKA_FETCH_MAX_WAIT_MS: number = KAFKA_FETCH_DEFAULTS.maxWaitMs;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/chokepoint';

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** ISO 3166 alpha-2 of the jurisdiction this deployment serves. */
  @Matches(/^[A-Z]{2}$/, { message: 'JURISDICTION must be an ISO 3166 alpha-2 code such as VN' })
  JURISDICTION: string = 'VN';

  @IsString()
  @IsNotEmpty()
  HTTP_HOST: string = '127.0.0.1';
}

import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CommonEnvironment } from '@chokepoint/config';
import { Topics } from '@chokepoint/contracts';
import { DEFAULT_RULE_PACK_PATH } from '@chokepoint/engine';
import { SHIPPED_UN_CONSOLIDATED_LIST_PATH } from '@chokepoint/sanctions';

/** Same dev default the ops app presents outside production; production must set its own. */
export const DEV_SCREENING_SERVICE_TOKEN = 'dev-only-screening-service-token-change-me';

@ValidatorConstraint({ name: 'notTheDevTokenInProduction' })
class NotTheDevTokenInProduction implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return (
      (args.object as ScreeningEnvironment).NODE_ENV !== 'production' || value !== DEV_SCREENING_SERVICE_TOKEN
    );
  }

  defaultMessage(): string {
    return 'SCREENING_SERVICE_TOKEN must not be the development default in production';
  }
}

const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * Screening's fetches answer as soon as a record is there. Its input comes from ingest a chunk at a time
 * (one produce per chunk), so waiting for 256 KiB, as ingest's fetches of the ports' many small sends
 * do, mostly made each event wait out the rest of the 20 ms. Measured end to end with manifests spread
 * (`npm run bench -- --latency-only --spread-manifests --rate R`, 1 byte against 262144, alternated):
 * at 200/s p50 71-79 ms against 87-101 (3 runs each), at 500/s p50 115-144 against 179-196 and p99
 * 279-354 against 399-524 (2 each), at 700/s about even, for 1-5 points more of the machine busy. Past
 * what the machine carries (1,000/s here) it is worse, p50 0.80-0.85 s against 0.43-0.64: a deployment
 * that runs overloaded can set KAFKA_FETCH_MIN_BYTES=262144 for screening.
 */
const SCREENING_FETCH_MIN_BYTES = 1;

export class ScreeningEnvironment extends CommonEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3002;

  /** The common setting, with screening's own default (SCREENING_FETCH_MIN_BYTES). */
  override KAFKA_FETCH_MIN_BYTES: number = SCREENING_FETCH_MIN_BYTES;

  /** Rule pack file; watched, and reloaded on change or POST /admin/reload. */
  @IsString()
  @IsNotEmpty()
  RULE_PACK_PATH: string = DEFAULT_RULE_PACK_PATH;

  /**
   * Comma-separated sanctions lists in the UN consolidated XML format: files or http(s) URLs, each
   * optionally prefixed with its list id (`eu-list=https://…`; default id un-sc-consolidated).
   */
  @IsString()
  @IsNotEmpty()
  SANCTIONS_SOURCES: string = SHIPPED_UN_CONSOLIDATED_LIST_PATH;

  /** Bearer token the ops app presents on /internal and /admin; required in production. */
  @ValidateIf(
    (env: ScreeningEnvironment) => env.NODE_ENV === 'production' || env.SCREENING_SERVICE_TOKEN !== undefined,
  )
  @IsDefined({ message: 'SCREENING_SERVICE_TOKEN is required when NODE_ENV=production' })
  @IsString()
  @MinLength(24)
  @Validate(NotTheDevTokenInProduction)
  SCREENING_SERVICE_TOKEN?: string;

  @IsString()
  @IsNotEmpty()
  SCREENING_CONSUMER_GROUP: string = 'chokepoint-screening';

  @Matches(TOPIC)
  CANONICAL_EVENTS_TOPIC: string = Topics.canonicalEvents;

  @Matches(TOPIC)
  DECISIONS_TOPIC: string = Topics.decisions;

  @Matches(TOPIC)
  DEAD_LETTER_TOPIC: string = Topics.deadLetter;

  /**
   * `essential` checks the shape screening relies on (ingest validated the full contract already);
   * `full` runs the contract's class-validator rules again, at several times the engine's cost per event.
   */
  @IsIn(['essential', 'full'])
  SCREENING_CANONICAL_VALIDATION: 'essential' | 'full' = 'essential';

  /**
   * Canonical events applied per database transaction, at most: a chunk holds what has arrived, so the cap
   * binds only when screening is behind. Then a larger chunk saves per-chunk round trips, and a
   * consignment with several events in it has its state written once. Against 500, end to end at
   * saturation (`npm run bench -- --compare SCREENING_CHUNK_SIZE=1000`, 5 rounds, and the reverse with
   * 1,000 as the default, 3 rounds) 1,000 was faster in 7 of 8 rounds (107-131% of the rate, and 87% in
   * the eighth) with 7-16% less CPU per event; the write-ahead log per event moved less than it does
   * between runs. At 2,000 records/s past saturation p99 was 0.9-1.4 s against 2.2-2.3 (ingest's
   * chunks at 1,000 as well, `--chunk 1000`); at 1,000/s, below saturation, screening's alone was no
   * worse (p99 133-260 ms against 225-559, 3 pairs). 2,000 swung more (84-120%); 4,000 was slower
   * (89-94%). On a machine twice as fast, with kafkajs cheaper (2026-11-30), 2,000 was faster than
   * 1,000 in all 10 rounds: 107% and 112% of its rate (`--compare SCREENING_CHUNK_SIZE=2000`, 3 rounds
   * twice) and 1,000 at 96% with 2,000 the default (4 rounds), on 5-9% less CPU and 10% less
   * write-ahead log per event (more of a consignment's events share one state write); 4,000 104%. But
   * the cap also binds when screening catches up after a stall, and at 2,000/s in `npm run bench`
   * (after its throughput phase) p99 was 74-85 ms against 65-76 (5 runs and 4); alone
   * (`--latency-only`, 6 alternated pairs) the same, 63-74 against 63-87. 1,000 stays the default,
   * keeping the latency target's margin; 2,000 suits a deployment that runs near saturation.
   */
  @IsInt()
  @Min(1)
  @Max(5000)
  SCREENING_CHUNK_SIZE: number = 1000;

  /** Partitions processed at once by one instance (each in its own transaction). */
  @IsInt()
  @Min(1)
  @Max(64)
  SCREENING_PARTITIONS_CONCURRENCY: number = 6;

  /**
   * Chunk transactions one instance runs at once. Chunks of the partitions in flight that arrive while
   * these run are applied together in the next one (up to SCREENING_CHUNK_SIZE records).
   */
  @IsInt()
  @Min(1)
  @Max(64)
  SCREENING_TRANSACTIONS_IN_FLIGHT: number = 2;

  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE: number = 500;

  /** Relay's fallback poll while idle; commits wake it at once through NOTIFY. */
  @IsInt()
  @Min(5)
  @Max(60_000)
  OUTBOX_IDLE_POLL_MS: number = 500;

  /** How often a standby instance tries to become the relay. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  OUTBOX_STANDBY_RETRY_MS: number = 2_000;

  @IsInt()
  @Min(10)
  @Max(60_000)
  TIMER_POLL_INTERVAL_MS: number = 1_000;

  @IsInt()
  @Min(1)
  @Max(1000)
  TIMER_BATCH_SIZE: number = 100;

  @IsIn(['true', 'false'])
  RULES_WATCH: 'true' | 'false' = 'true';

  @IsInt()
  @Min(0)
  @Max(60_000)
  RULES_WATCH_DEBOUNCE_MS: number = 500;

  /** Parked movements past the rule pack's limit are dropped once parked at least this long (wall clock). */
  @IsInt()
  @Min(0)
  @Max(24 * 365)
  PENDING_MOVEMENT_GRACE_HOURS: number = 24;

  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  HOUSEKEEPING_INTERVAL_MS: number = 60_000;
}

export function serviceToken(env: ScreeningEnvironment): string {
  return env.SCREENING_SERVICE_TOKEN ?? DEV_SCREENING_SERVICE_TOKEN;
}

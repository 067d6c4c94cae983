import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { CommonEnvironment } from '@chokepoint/config';

/** Dev-only default for the screening service token; refused when NODE_ENV=production. */
export const DEV_SCREENING_SERVICE_TOKEN = 'dev-only-screening-service-token-change-me';

export class OpsEnvironment extends CommonEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3000;

  /** Base URL of the screening service's internal API (officer decisions). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'SCREENING_URL must be an http(s) URL' })
  SCREENING_URL: string = 'http://127.0.0.1:3002';

  /** Bearer token for screening's internal API; a dev default applies outside production only. */
  @ValidateIf(
    (env: OpsEnvironment) => env.NODE_ENV === 'production' || env.SCREENING_SERVICE_TOKEN !== undefined,
  )
  @IsDefined({ message: 'SCREENING_SERVICE_TOKEN is required when NODE_ENV=production' })
  @IsString()
  @MinLength(24)
  @ValidateBy({
    name: 'notTheDevTokenInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as OpsEnvironment | undefined)?.NODE_ENV !== 'production' ||
        value !== DEV_SCREENING_SERVICE_TOKEN,
      defaultMessage: () => 'SCREENING_SERVICE_TOKEN must not be the development default in production',
    },
  })
  SCREENING_SERVICE_TOKEN?: string;

  @IsInt()
  @Min(100)
  @Max(60_000)
  SCREENING_TIMEOUT_MS: number = 5_000;

  /** Absolute lifetime of a console session. */
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  OPS_SESSION_HOURS: number = 8;

  /** SLA when no physical milestone of the cargo gives a deadline. */
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  OPS_SLA_DEFAULT_HOURS: number = 24;

  /** A hold whose deadline is this close is NEAR breach. */
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  OPS_SLA_NEAR_HOURS: number = 4;

  /** How often active holds' deadlines are recomputed from the latest cargo milestones. */
  @IsInt()
  @Min(5)
  @Max(86_400)
  OPS_SLA_REFRESH_SECONDS: number = 60;

  /** Failed logins allowed per username and client address within the window before 429. */
  @IsInt()
  @Min(1)
  @Max(1000)
  OPS_LOGIN_MAX_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  @Max(24 * 60)
  OPS_LOGIN_WINDOW_MINUTES: number = 15;

  /** Consumer group of the hold-queue projection. */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/)
  OPS_DECISIONS_GROUP_ID: string = 'chokepoint-ops';

  /** Topic the projection reads; chokepoint.decisions.v1 unless a test isolates itself. */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/)
  OPS_DECISIONS_TOPIC: string = 'chokepoint.decisions.v1';

  /** How long applied decision ids are remembered against redelivery. */
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  OPS_PROCESSED_EVENT_RETENTION_HOURS: number = 24 * 7;

  /** Turn the projection off (e.g. a read-only replica of the console); default on. */
  // Implicit conversion would read "false" as true; take the raw text.
  @Transform(({ obj, key }) => parseBoolean((obj as Record<string, unknown>)[key]))
  @IsBoolean()
  OPS_DECISIONS_CONSUMER_ENABLED: boolean = true;

  /** Where the built console lives; served at / when the folder exists. */
  @IsString()
  OPS_WEB_DIR: string = 'dist/ops-web';

  /** Set when a reverse proxy sits in front (number of hops), so client addresses are right. */
  @IsInt()
  @Min(0)
  @Max(10)
  OPS_TRUST_PROXY_HOPS: number = 0;
}

function parseBoolean(raw: unknown): unknown {
  if (raw === undefined || typeof raw === 'boolean') {
    return raw ?? true;
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    return raw;
  }
  const text = String(raw).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) {
    return true;
  }
  if (['false', '0', 'no', 'off'].includes(text)) {
    return false;
  }
  return raw;
}

/** The token ops presents to screening: the configured one, or the dev default outside production. */
export function screeningServiceToken(env: OpsEnvironment): string {
  return env.SCREENING_SERVICE_TOKEN ?? DEV_SCREENING_SERVICE_TOKEN;
}

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function stackEnvFile(): string {
  return join(process.env.CHOKEPOINT_STACK_DIR ?? resolve(process.cwd(), '.stack'), 'stack.env');
}

/**
 * Where apps read settings from, first match wins: the process environment, a `.env` in the working
 * directory, then what `npm run stack:up` chose for this checkout.
 */
export function envFilePaths(): string[] {
  return [resolve(process.cwd(), '.env'), stackEnvFile()];
}

/** Settings `npm run stack:up` wrote, overridden by the process environment; for scripts and tests. */
export function stackSettings(): { brokers: string[]; databaseUrl: string } {
  const file = stackEnvFile();
  const values: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match?.[1] !== undefined && match[2] !== undefined) {
        values[match[1]] = match[2];
      }
    }
  }
  const brokers = process.env.KAFKA_BROKERS ?? values.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const databaseUrl =
    process.env.DATABASE_URL ?? values.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/chokepoint';
  return { brokers: brokers.split(','), databaseUrl };
}

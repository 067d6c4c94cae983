import { Client } from 'pg';
import { runMigrations } from '@chokepoint/persistence';

/**
 * A PostgreSQL database of a test's or benchmark's own on the shared server, migrated like a deployment
 * (unless `migrate` is false: a test of the migrations themselves): services others run against the
 * shared database (relay, timers) cannot touch its rows.
 */
export async function createScratchDatabase(
  baseUrl: string,
  name: string,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<string> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (migrate) {
    await runMigrations(url.toString());
  }
  return url.toString();
}

export async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Integration tests run against the real stack (`npm test` brings it up first) with migrations applied
 * once here, as a deployment would.
 */
import 'reflect-metadata';
import { stackSettings } from '@chokepoint/config';
import { runMigrations } from '@chokepoint/persistence';

export default async function globalSetup(): Promise<void> {
  await runMigrations(stackSettings().databaseUrl);
}

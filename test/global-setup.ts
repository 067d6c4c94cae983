/**
 * Integration tests run against the real stack (`npm test` brings it up first) with migrations applied
 * once here, as a deployment would.
 */
import 'reflect-metadata';
import { stackSettings } from '@chokepoint/config';
import { foreignMigrations, runMigrations } from '@chokepoint/persistence';

export default async function globalSetup(): Promise<void> {
  const url = stackSettings().databaseUrl;
  await runMigrations(url);
  // Tests on a schema this checkout did not make fail far from the cause; say it here instead.
  const foreign = await foreignMigrations(url);
  if (foreign.length > 0) {
    throw new Error(
      `the test database has migrations applied that this checkout does not have: ${foreign.join(', ')}. ` +
        'Undo them with `npm run migration:revert` in the checkout that has them, or drop the database ' +
        '(`npm run stack:up` creates it again).',
    );
  }
}

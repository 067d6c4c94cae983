import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import { foreignMigrations, MIGRATIONS } from '@chokepoint/persistence';
import { createScratchDatabase, dropScratchDatabase } from '@chokepoint/testing';
import { runToken } from './screening-harness';

/** A database migrated by another build (or by an experiment never committed) is told apart. */
describe('migrations this build does not have', () => {
  const settings = stackSettings();
  const databaseName = `chokepoint_migrations_${runToken().toLowerCase()}`;
  let url: string;

  beforeAll(async () => {
    url = await createScratchDatabase(settings.databaseUrl, databaseName);
  });

  afterAll(async () => {
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  it('finds none on a database this build migrated', async () => {
    expect(await foreignMigrations(url)).toEqual([]);
  });

  it('names those recorded as applied that are not among this build’s', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM schema_migration');
      expect(Number(rows[0]?.count)).toBe(MIGRATIONS.length);
      await client.query(`INSERT INTO schema_migration ("timestamp", name) VALUES ($1, $2)`, [
        1764409999999,
        'SomeoneElsesColumn1764409999999',
      ]);
    } finally {
      await client.end();
    }

    expect(await foreignMigrations(url)).toEqual(['SomeoneElsesColumn1764409999999']);
  });
});

import { Client } from 'pg';
import { stackSettings } from '@chokepoint/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions, foreignMigrations, MIGRATIONS, runMigrations } from '@chokepoint/persistence';
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

/** Tables, columns, indexes and constraints of the public schema, as text to compare. */
async function schemaOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT format('column %s.%s %s %s default %s', table_name, column_name, data_type, is_nullable,
                     coalesce(column_default, '-')) AS line
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migration'
       UNION ALL
       SELECT format('index %s', indexdef) FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'schema_migration'
       UNION ALL
       SELECT format('constraint %s.%s %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> 'schema_migration'
       ORDER BY 1`,
    );
    return rows.map((row) => row.line);
  } finally {
    await client.end();
  }
}

describe('undoing the migrations', () => {
  const settings = stackSettings();
  const databaseName = `chokepoint_migrations_undo_${runToken().toLowerCase()}`;
  let url: string;

  beforeAll(async () => {
    url = await createScratchDatabase(settings.databaseUrl, databaseName, { migrate: false });
  });

  afterAll(async () => {
    await dropScratchDatabase(settings.databaseUrl, databaseName);
  });

  /** A data source that knows the first `count` migrations only. */
  async function withMigrations<T>(count: number, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = new DataSource({
      ...dataSourceOptions({ url, poolSize: 1, applicationName: 'chokepoint-migrate' }),
      migrations: MIGRATIONS.slice(0, count),
    });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  it('each one takes back what it did, so the schema is again what the ones before it made', async () => {
    // The schema after each migration, applied one at a time.
    const after: string[][] = [await schemaOf(url)];
    for (let count = 1; count <= MIGRATIONS.length; count += 1) {
      await withMigrations(count, (dataSource) => dataSource.runMigrations({ transaction: 'each' }));
      after.push(await schemaOf(url));
    }
    expect(after[0]).toEqual([]);
    expect(after[MIGRATIONS.length]?.length).toBeGreaterThan(50);

    // Undone from the last, each must leave the schema its predecessors had left.
    for (let count = MIGRATIONS.length; count >= 1; count -= 1) {
      await withMigrations(count, (dataSource) => dataSource.undoLastMigration({ transaction: 'each' }));
      expect({ undone: MIGRATIONS[count - 1]?.name, schema: await schemaOf(url) }).toEqual({
        undone: MIGRATIONS[count - 1]?.name,
        schema: after[count - 1],
      });
    }

    expect(await runMigrations(url)).toHaveLength(MIGRATIONS.length);
    expect(await schemaOf(url)).toEqual(after[MIGRATIONS.length]);
  });
});

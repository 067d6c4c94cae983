import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * Settings of every session the services open.
 * - No JIT: these are short OLTP statements, and a poor row estimate (json_to_recordset, = ANY on a
 *   parameter) made PostgreSQL spend more compiling a plan than running it.
 * - Custom plans always: statements run as named prepared statements (queryNamed), parsed once per
 *   session, but every run is still planned for its own parameters. Left to choose, PostgreSQL took a
 *   generic plan for the seen-event lookup (a join on unnest of array parameters) after five runs, and
 *   its CPU at 1,000 records/s end to end went from 45 to 66-70% of a core.
 */
export const SESSION_OPTIONS = '-c jit=off -c plan_cache_mode=force_custom_plan';

const MIGRATIONS_TABLE = 'schema_migration';

/** One definition of the schema for every app, the CLI and the tests; the schema only changes by migration. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    applicationName: settings.applicationName ?? 'chokepoint',
    extra: { max: settings.poolSize ?? 10, options: SESSION_OPTIONS },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

/** Applies pending migrations and returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'chokepoint-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Migrations the database records as applied that this build does not have: a newer build's, or one
 * tried in a working tree and never committed. The schema may then not be the one this code expects (a
 * column it does not write, say, NOT NULL), and TypeORM does not notice. Only the build that has them
 * can undo them (`npm run migration:revert` there).
 */
export async function foreignMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource({ url, poolSize: 1, applicationName: 'chokepoint-migrate' });
  await dataSource.initialize();
  try {
    // As TypeORM names them: the instance's name, else the class's.
    const known = new Set(MIGRATIONS.map((migration) => new migration().name ?? migration.name));
    const rows: { name: string }[] = await dataSource.query(
      `SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY id`,
    );
    return rows.map((row) => row.name).filter((name) => !known.has(name));
  } finally {
    await dataSource.destroy();
  }
}

import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** The sessions' planner settings: KEYED_SESSION_OPTIONS for ingest and screening, else SESSION_OPTIONS. */
  sessionOptions?: string;
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

/**
 * For the pipeline's services (ingest, screening), whose every statement takes a chunk's keys (a few
 * hundred) and finds their rows through an index: no JIT (as SESSION_OPTIONS), no sequential scan, hash
 * join or merge join where an index path exists, and generic plans. Left to choose, the planner read
 * whole tables for them. Without statistics (a table that grew since its last ANALYZE: every table in
 * the minutes after a deployment, and in the bench's fresh database) it takes `reference = ANY($keys)`
 * to match most rows; with them, it still hashed all 50,000 seen events to look up 500 (18 ms per chunk
 * against 4 for the index probes, and growing with the table). In a 10,000-consignment bench run,
 * sequential scans read 7.4 million rows (seen events, parked movements' keys, links) for 54,761
 * events; with these settings, none, and PostgreSQL used a fifth less CPU per event. With whole-table
 * reads ruled out, a statement's generic plan is the index plan its custom one would be, so each named
 * statement is planned once per session rather than at every run (SESSION_OPTIONS forces custom plans
 * because a generic one hashed the seen events): PostgreSQL 86-92 µs of CPU per event against 98-114,
 * end to end 5,292-5,518 records/s against 4,615-5,400 (three alternated pairs, 2026-11-30). Not for
 * the ops console, whose dashboards aggregate whole tables. Plans, generic as these sessions run them:
 * test/integration/keyed-plans.int-spec.ts.
 */
export const KEYED_SESSION_OPTIONS =
  '-c jit=off -c plan_cache_mode=force_generic_plan ' +
  '-c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off';

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
    extra: { max: settings.poolSize ?? 10, options: settings.sessionOptions ?? SESSION_OPTIONS },
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

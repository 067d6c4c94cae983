import { createHash } from 'node:crypto';
import type { QueryConfig, QueryResultRow } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/** The one thing repositories need from a transaction: run a statement, get its rows. */
export interface SqlExecutor {
  query<Row>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
}

/** What of a node-postgres client (pooled or not) a named statement needs. */
interface PgQueryable {
  query<Row extends QueryResultRow>(config: QueryConfig): Promise<{ rows: Row[] }>;
}

/**
 * Distinct statement texts given a name, process-wide. Each connection prepares a named statement once
 * and keeps it for its life; the cap bounds that per connection, should some caller ever build texts
 * that differ by their data (those beyond it run unnamed, as before).
 */
export const MAX_NAMED_STATEMENTS = 256;
const names = new Map<string, string>();

/**
 * A name for the statement text: the same text always gets the same name, so node-postgres has it
 * parsed once per connection. Unnamed, every run was parsed and planned again: the screening write
 * batch, one statement of several CTEs, spent 0.4 ms in parse and 2 ms in bind (planning) against 9 ms
 * running, and parse and bind were a quarter of PostgreSQL's time over all statements (statement log,
 * 1,000 records/s end to end, 2026-11-29). Plans stay custom, made for each run's parameters
 * (SESSION_OPTIONS). Behind PgBouncer in transaction mode, named statements need its
 * max_prepared_statements (1.21 and later).
 */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) {
    return known;
  }
  const name = `cp_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/** Runs a statement as a named prepared statement (see statementName) and returns its rows. */
export async function queryNamed<Row>(
  client: PgQueryable,
  text: string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const name = statementName(text);
  const result = await client.query<QueryResultRow>({
    text,
    values: [...parameters],
    ...(name === undefined ? {} : { name }),
  });
  return result.rows as Row[];
}

/** Rows from a TypeORM query runner (inside whatever transaction it has open), as named statements. */
export function queryRunnerExecutor(queryRunner: QueryRunner): SqlExecutor {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
      // The runner's own node-postgres client (connect() returns it, connecting it first if need be).
      const client = (await queryRunner.connect()) as PgQueryable;
      return queryNamed<Row>(client, sql, parameters);
    },
  };
}

/** Each statement on a connection borrowed from the pool for it and given back (no transaction). */
export function pooledExecutor(dataSource: DataSource): SqlExecutor {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
      const runner = dataSource.createQueryRunner();
      try {
        return await queryRunnerExecutor(runner).query<Row>(sql, parameters);
      } finally {
        await runner.release();
      }
    },
  };
}

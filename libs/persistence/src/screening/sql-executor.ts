import type { QueryRunner } from 'typeorm';

/** The one thing repositories need from a transaction: run a statement, get its rows. */
export interface SqlExecutor {
  query<Row>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
}

/** Rows from a TypeORM query runner (inside whatever transaction it has open). */
export function queryRunnerExecutor(queryRunner: QueryRunner): SqlExecutor {
  return {
    async query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
      const result = (await queryRunner.query(sql, [...parameters], true)) as { records?: Row[] };
      return result.records ?? [];
    },
  };
}

/**
 * npm run migration:run | migration:revert | migration:generate -- <Name>
 * Uses DATABASE_URL, else what `npm run stack:up` chose.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stackSettings } from '@chokepoint/config';
import { createDataSource, foreignMigrations, runMigrations } from '@chokepoint/persistence';

const MIGRATIONS_DIR = join(__dirname, '..', 'libs', 'persistence', 'src', 'migrations');

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]): string =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function generate(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  }
  const dataSource = createDataSource({ url: stackSettings().databaseUrl, poolSize: 1 });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stderr.write('no schema changes: entities match the database\n');
      return;
    }
    const timestamp = Date.now();
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const file = join(MIGRATIONS_DIR, `${timestamp}-${kebab}.ts`);
    writeFileSync(
      file,
      migrationSource(
        `${name}${timestamp}`,
        sql.upQueries.map((query) => query.query),
        sql.downQueries.map((query) => query.query).reverse(),
      ),
    );
    process.stderr.write(`wrote ${file}; add it to MIGRATIONS in libs/persistence/src/migrations/index.ts\n`);
  } finally {
    await dataSource.destroy();
  }
}

async function revert(): Promise<void> {
  const dataSource = createDataSource({ url: stackSettings().databaseUrl, poolSize: 1 });
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  switch (command) {
    case 'run': {
      const url = stackSettings().databaseUrl;
      const applied = await runMigrations(url);
      process.stderr.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
      const foreign = await foreignMigrations(url);
      if (foreign.length > 0) {
        process.stderr.write(
          `warning: the database also has migrations this build does not: ${foreign.join(', ')}; ` +
            'its schema may not be the one this code expects\n',
        );
      }
      return;
    }
    case 'revert':
      return revert();
    case 'generate':
      return generate(name);
    default:
      throw new Error('usage: migration.ts run|revert|generate <Name>');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The large JSON values screening rewrites on every event; pglz compressing them cost PostgreSQL CPU per row. */
const COLUMNS: readonly [table: string, column: string][] = [
  ['consignment', 'state'],
  ['decision', 'payload'],
  ['outbox', 'payload'],
  ['pending_movement', 'movement'],
];

/**
 * A consignment state (about 3 KB) is over PostgreSQL's TOAST threshold, so every save compressed it
 * with pglz and every load decompressed it. lz4 does the same several times faster. Servers built
 * without lz4 (the setting's allowed values say so) keep pglz: the schema is the same either way.
 */
export class Lz4StateCompression1764403700000 implements MigrationInterface {
  name = 'Lz4StateCompression1764403700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.setCompression(queryRunner, 'lz4');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.setCompression(queryRunner, 'pglz');
  }

  private async setCompression(queryRunner: QueryRunner, method: 'lz4' | 'pglz'): Promise<void> {
    const rows = (await queryRunner.query(
      `SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)`,
    )) as unknown[];
    if (rows.length === 0) {
      return;
    }
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET COMPRESSION ${method}`);
    }
  }
}

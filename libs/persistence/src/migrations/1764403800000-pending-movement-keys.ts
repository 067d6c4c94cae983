import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parked movements were found by `pending_keys && $keys` on a GIN index. A chunk asks for about a
 * thousand keys at once; the planner then estimates most of the table and scans it, comparing every
 * row's keys with the whole list, and even the index path searched GIN's pending list (fast update)
 * linearly: 250–350 ms per chunk at 20,000 parked movements, growing with the table. One row per key
 * in a b-tree answers `pending_key = ANY($keys)` in milliseconds at any size.
 */
export class PendingMovementKeys1764403800000 implements MigrationInterface {
  name = 'PendingMovementKeys1764403800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pending_movement_key" (
        "pending_key" text NOT NULL,
        "movement_key" text NOT NULL,
        CONSTRAINT "pk_pending_movement_key" PRIMARY KEY ("pending_key", "movement_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_pending_movement_key_movement" ON "pending_movement_key" ("movement_key")`,
    );
    await queryRunner.query(`
      INSERT INTO "pending_movement_key" ("pending_key", "movement_key")
      SELECT DISTINCT k, movement_key FROM "pending_movement", unnest(pending_keys) AS k`);
    await queryRunner.query(`DROP INDEX "ix_pending_movement_keys"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_pending_movement_keys" ON "pending_movement" USING gin ("pending_keys")`,
    );
    await queryRunner.query(`DROP TABLE "pending_movement_key"`);
  }
}

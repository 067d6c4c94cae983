import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay deletes an outbox row once Kafka has acknowledged it, instead of setting `published_at`
 * and leaving housekeeping to delete it 72 hours later. The update wrote the whole row (its payload
 * is the decision, 0.5-1.4 KB of JSON, under PostgreSQL's TOAST threshold and so kept in the row) a
 * second time, plus two index entries: about half the outbox's write-ahead log, some 400 bytes per
 * screened event (npm run bench -- --stage screening, write-ahead log by relation), and a table
 * that would hold three days of decisions. A delete logs a few dozen bytes. What was published
 * stays on record twice without it: the decision's payload in `decision`, and the message on the
 * topic.
 */
export class OutboxDeleteOnPublish1764403900000 implements MigrationInterface {
  name = 'OutboxDeleteOnPublish1764403900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox" WHERE "published_at" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "ix_outbox_published_at"`);
    // Every row left is unpublished: the primary key orders them.
    await queryRunner.query(`DROP INDEX "ix_outbox_unpublished"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "published_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD COLUMN "published_at" timestamptz NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unpublished" ON "outbox" ("id") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_published_at" ON "outbox" ("published_at") WHERE "published_at" IS NOT NULL`,
    );
  }
}

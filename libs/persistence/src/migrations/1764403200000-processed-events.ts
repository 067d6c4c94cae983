import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcessedEvents1764403200000 implements MigrationInterface {
  name = 'ProcessedEvents1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "processed_event" (
        "consumer" text NOT NULL,
        "event_key" text NOT NULL,
        "source_topic" text NOT NULL,
        "source_partition" integer NOT NULL,
        "source_offset" bigint NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_processed_event" PRIMARY KEY ("consumer", "event_key")
      )`);
    // Housekeeping deletes old ids by age.
    await queryRunner.query(
      `CREATE INDEX "ix_processed_event_processed_at" ON "processed_event" ("processed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_event"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What ingest has already forwarded: the latest content fingerprint per source event (movements by
 * originating party and event id, manifests by transport document reference), so that a redelivered or
 * resent message is dropped while an update, amendment or retraction passes.
 */
export class IngestEventSeen1764403300000 implements MigrationInterface {
  name = 'IngestEventSeen1764403300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingest_event_seen" (
        "event_kind" text NOT NULL,
        "originating_party" text NOT NULL,
        "event_id" text NOT NULL,
        "content_sha256" char(64) NOT NULL,
        "first_seen_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_ingest_event_seen" PRIMARY KEY ("event_kind", "originating_party", "event_id"),
        CONSTRAINT "ck_ingest_event_seen_kind" CHECK ("event_kind" IN ('MANIFEST', 'MOVEMENT'))
      )`);
    // Housekeeping (not yet scheduled) deletes rows not seen for longer than any redelivery window.
    await queryRunner.query(
      `CREATE INDEX "ix_ingest_event_seen_last_seen_at" ON "ingest_event_seen" ("last_seen_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingest_event_seen"`);
  }
}

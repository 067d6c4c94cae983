import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screening serialised transactions contesting a joining key with transaction-scoped advisory locks on
 * 256 hash buckets. A chunk of a few hundred new consignments claims about a thousand keys, so every
 * chunk took nearly every bucket and the partitions ran one after another. Exact keys as advisory locks
 * would overflow PostgreSQL's shared lock table; a claim row per key locks exactly and costs no slot.
 */
export class JoiningClaims1764403600000 implements MigrationInterface {
  name = 'JoiningClaims1764403600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "joining_claim" (
        "joining_key" text NOT NULL,
        "claimed_at" timestamptz NOT NULL,
        CONSTRAINT "pk_joining_claim" PRIMARY KEY ("joining_key")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_joining_claim_claimed_at" ON "joining_claim" ("claimed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "joining_claim"`);
  }
}

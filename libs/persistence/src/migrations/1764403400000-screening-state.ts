import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screening's durable world: consignment states, the joining index, movements waiting for their
 * manifest, armed timers, issued decisions, the transactional outbox and officer actions. Indexed for
 * the service's own paths and for the ops console (holds by status, stage, rule, port and age).
 * Engine states and parked movements are json, not jsonb: jsonb reorders object keys, and the engine
 * copies stored objects (sanctions hits, locations) into decision evidence, which must come out byte
 * for byte as replay prints it. Columns beside the state carry what queries filter on.
 */
export class ScreeningState1764403400000 implements MigrationInterface {
  name = 'ScreeningState1764403400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consignment" (
        "id" text NOT NULL,
        "state" json NOT NULL,
        "state_version" integer NOT NULL,
        "manifest_version" integer NOT NULL,
        "stage" text NULL,
        "current_decision" text NULL,
        "current_decision_id" uuid NULL,
        "current_source" text NULL,
        "decided_at" timestamptz NULL,
        "last_sequence" integer NOT NULL DEFAULT 0,
        "hold_rule_ids" text[] NOT NULL DEFAULT '{}',
        "categories" text[] NOT NULL DEFAULT '{}',
        "awaiting_second_officer" boolean NOT NULL DEFAULT false,
        "closed" boolean NOT NULL DEFAULT false,
        "port_of_loading_code" text NULL,
        "port_of_discharge_code" text NULL,
        "place_of_delivery_code" text NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_consignment" PRIMARY KEY ("id"),
        CONSTRAINT "ck_consignment_stage"
          CHECK ("stage" IN ('EXPORT', 'IMPORT', 'TRANSIT', 'TRANSSHIPMENT')),
        CONSTRAINT "ck_consignment_current_decision" CHECK ("current_decision" IN ('HOLD', 'RELEASE'))
      ) WITH (fillfactor = 80)`);
    // Room on the page keeps most state updates HOT (no index changes); lz4 compresses states far more
    // cheaply than pglz where the server has it.
    await queryRunner.query(`
      DO $$ BEGIN
        ALTER TABLE "consignment" ALTER COLUMN "state" SET COMPRESSION lz4;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'lz4 not available, consignment.state keeps the default compression';
      END $$`);
    // The hold queue: open holds oldest first, narrowed by stage, rule or port.
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_holds" ON "consignment" ("decided_at") WHERE "current_decision" = 'HOLD'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_decision_stage" ON "consignment" ("current_decision", "stage", "decided_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_hold_rule_ids" ON "consignment" USING gin ("hold_rule_ids")
         WHERE "current_decision" = 'HOLD'`,
    );
    // Port filters serve the hold queue; partial indexes cost nothing for the released majority.
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_holds_port_of_loading" ON "consignment" ("port_of_loading_code", "decided_at")
         WHERE "current_decision" = 'HOLD'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_holds_port_of_discharge" ON "consignment" ("port_of_discharge_code", "decided_at")
         WHERE "current_decision" = 'HOLD'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_holds_place_of_delivery" ON "consignment" ("place_of_delivery_code", "decided_at")
         WHERE "current_decision" = 'HOLD'`,
    );

    // The engine's JoiningLookup: bookings and containers to consignments; rows are only ever added.
    await queryRunner.query(`
      CREATE TABLE "consignment_link" (
        "kind" text NOT NULL,
        "reference" text NOT NULL,
        "consignment_id" text NOT NULL,
        "closed" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_consignment_link" PRIMARY KEY ("kind", "reference", "consignment_id"),
        CONSTRAINT "ck_consignment_link_kind" CHECK ("kind" IN ('BKG', 'EQ')),
        CONSTRAINT "fk_consignment_link_consignment" FOREIGN KEY ("consignment_id")
          REFERENCES "consignment" ("id") ON DELETE CASCADE
      )`);
    // Joining by container only looks at open consignments; a container's old trips stay out of the way.
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_link_open" ON "consignment_link" ("kind", "reference") WHERE NOT "closed"`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_consignment_link_consignment" ON "consignment_link" ("consignment_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "pending_movement" (
        "movement_key" text NOT NULL,
        "pending_keys" text[] NOT NULL,
        "movement" json NOT NULL,
        "park_seq" bigserial NOT NULL,
        "event_time" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "pk_pending_movement" PRIMARY KEY ("movement_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_pending_movement_keys" ON "pending_movement" USING gin ("pending_keys")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pending_movement_expires_at" ON "pending_movement" ("expires_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "screening_timer" (
        "timer_id" text NOT NULL,
        "consignment_id" text NOT NULL,
        "rule_id" text NOT NULL,
        "equipment_reference" text NULL,
        "due_at" timestamptz NOT NULL,
        "spec" jsonb NOT NULL,
        "armed_at" timestamptz NOT NULL DEFAULT now(),
        "fired_at" timestamptz NULL,
        CONSTRAINT "pk_screening_timer" PRIMARY KEY ("timer_id"),
        CONSTRAINT "fk_screening_timer_consignment" FOREIGN KEY ("consignment_id")
          REFERENCES "consignment" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_screening_timer_due" ON "screening_timer" ("due_at") WHERE "fired_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_screening_timer_consignment" ON "screening_timer" ("consignment_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "decision" (
        "decision_id" uuid NOT NULL,
        "consignment_id" text NOT NULL,
        "sequence" integer NOT NULL,
        "decision" text NOT NULL,
        "stage" text NOT NULL,
        "source" text NOT NULL,
        "decided_at" timestamptz NOT NULL,
        "score" double precision NOT NULL,
        "categories" text[] NOT NULL,
        "rule_ids" text[] NOT NULL,
        "hold_rule_ids" text[] NOT NULL,
        "trigger_type" text NOT NULL,
        "trigger_event_id" text NOT NULL,
        "supersedes" uuid NULL,
        "rule_set_version" text NOT NULL,
        "officer_id" text NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_decision" PRIMARY KEY ("decision_id"),
        CONSTRAINT "uq_decision_consignment_sequence" UNIQUE ("consignment_id", "sequence"),
        CONSTRAINT "ck_decision_decision" CHECK ("decision" IN ('HOLD', 'RELEASE')),
        CONSTRAINT "ck_decision_source" CHECK ("source" IN ('RULES', 'OFFICER')),
        CONSTRAINT "fk_decision_consignment" FOREIGN KEY ("consignment_id") REFERENCES "consignment" ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_decision_decided_at" ON "decision" ("decided_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_decision_outcome_stage" ON "decision" ("decision", "stage", "decided_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_decision_rule_ids" ON "decision" USING gin ("rule_ids")`);
    await queryRunner.query(
      `CREATE INDEX "ix_decision_officer" ON "decision" ("officer_id", "decided_at") WHERE "officer_id" IS NOT NULL`,
    );

    // Decisions, and rejections for the dead-letter topic (no consignment, maybe no key). json, not
    // jsonb: the payload is published byte for byte as it was written.
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" bigserial NOT NULL,
        "consignment_id" text NULL,
        "topic" text NOT NULL,
        "message_key" text NULL,
        "payload" json NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz NULL,
        CONSTRAINT "pk_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unpublished" ON "outbox" ("id") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_published_at" ON "outbox" ("published_at") WHERE "published_at" IS NOT NULL`,
    );

    // What the active relay has handed to Kafka but not yet marked: checked against the topic after a crash.
    await queryRunner.query(`
      CREATE TABLE "outbox_relay_state" (
        "relay" text NOT NULL,
        "origin" uuid NOT NULL DEFAULT gen_random_uuid(),
        "in_flight_ids" bigint[] NOT NULL DEFAULT '{}',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_outbox_relay_state" PRIMARY KEY ("relay")
      )`);
    await queryRunner.query(`INSERT INTO "outbox_relay_state" ("relay") VALUES ('screening')`);

    await queryRunner.query(`
      CREATE TABLE "officer_action" (
        "action_id" uuid NOT NULL,
        "consignment_id" text NOT NULL,
        "officer_id" text NOT NULL,
        "action" text NOT NULL,
        "reason_code" text NOT NULL,
        "note" text NULL,
        "status" text NOT NULL,
        "decision_id" uuid NULL,
        "acted_at" timestamptz NOT NULL,
        CONSTRAINT "pk_officer_action" PRIMARY KEY ("action_id"),
        CONSTRAINT "ck_officer_action_action" CHECK ("action" IN ('RELEASE', 'HOLD')),
        CONSTRAINT "fk_officer_action_consignment" FOREIGN KEY ("consignment_id")
          REFERENCES "consignment" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_officer_action_consignment" ON "officer_action" ("consignment_id", "acted_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "officer_action"`);
    await queryRunner.query(`DROP TABLE "outbox_relay_state"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "decision"`);
    await queryRunner.query(`DROP TABLE "screening_timer"`);
    await queryRunner.query(`DROP TABLE "pending_movement"`);
    await queryRunner.query(`DROP TABLE "consignment_link"`);
    await queryRunner.query(`DROP TABLE "consignment"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = `ARRAY['viewer','officer','supervisor','admin']::text[]`;
const HOLD_STATUSES = `'OPEN','CLAIMED','INFO_REQUESTED','REFERRED','AWAITING_SECOND_OFFICER','RELEASED','SEIZED'`;

/** Ops console: users, sessions, service tokens, login attempts, the hold queue and the audit log. */
export class OpsConsole1764403500000 implements MigrationInterface {
  name = 'OpsConsole1764403500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ops_user" (
        "id" uuid NOT NULL,
        "username" text NOT NULL,
        "display_name" text NOT NULL,
        "password_hash" text NOT NULL,
        "roles" text[] NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_ops_user" PRIMARY KEY ("id"),
        CONSTRAINT "ck_ops_user_roles" CHECK (cardinality("roles") > 0 AND "roles" <@ ${ROLES})
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_ops_user_username" ON "ops_user" (lower("username"))`);

    await queryRunner.query(`
      CREATE TABLE "ops_session" (
        "id_hash" text NOT NULL,
        "user_id" uuid NOT NULL,
        "csrf_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "ip" text,
        "user_agent" text,
        CONSTRAINT "pk_ops_session" PRIMARY KEY ("id_hash"),
        CONSTRAINT "fk_ops_session_user" FOREIGN KEY ("user_id") REFERENCES "ops_user" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_ops_session_user" ON "ops_session" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_ops_session_expires_at" ON "ops_session" ("expires_at")`);

    await queryRunner.query(`
      CREATE TABLE "ops_service_token" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "token_hash" text NOT NULL,
        "role" text NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz,
        CONSTRAINT "pk_ops_service_token" PRIMARY KEY ("id"),
        CONSTRAINT "ux_ops_service_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "ck_ops_service_token_role" CHECK ("role" = ANY (${ROLES})),
        CONSTRAINT "fk_ops_service_token_creator" FOREIGN KEY ("created_by") REFERENCES "ops_user" ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "ops_login_attempt" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "username" text NOT NULL,
        "ip" text NOT NULL,
        "succeeded" boolean NOT NULL,
        "attempted_at" timestamptz NOT NULL,
        CONSTRAINT "pk_ops_login_attempt" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_ops_login_attempt_key" ON "ops_login_attempt" ("username", "ip", "attempted_at")`,
    );
    // Housekeeping deletes attempts older than the rate-limit window.
    await queryRunner.query(`CREATE INDEX "ix_ops_login_attempt_at" ON "ops_login_attempt" ("attempted_at")`);

    await queryRunner.query(`
      CREATE TABLE "ops_hold" (
        "consignment_id" text NOT NULL,
        "status" text NOT NULL,
        "stage" text NOT NULL,
        "categories" text[] NOT NULL DEFAULT '{}',
        "rule_ids" text[] NOT NULL DEFAULT '{}',
        "score" integer NOT NULL DEFAULT 0,
        "held_at" timestamptz NOT NULL,
        "decision_sequence" integer NOT NULL,
        "decision_id" uuid NOT NULL,
        "port_of_loading" text,
        "port_of_discharge" text,
        "place_of_delivery" text,
        "base_deadline" timestamptz NOT NULL,
        "deadline_basis" text NOT NULL,
        "deadline" timestamptz NOT NULL,
        "sla_paused_since" timestamptz,
        "sla_paused_ms" bigint NOT NULL DEFAULT 0,
        "sla_pauses" jsonb NOT NULL DEFAULT '[]',
        "assignee_id" uuid,
        "first_release_by" uuid,
        "closed_at" timestamptz,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_ops_hold" PRIMARY KEY ("consignment_id"),
        CONSTRAINT "ck_ops_hold_status" CHECK ("status" IN (${HOLD_STATUSES})),
        CONSTRAINT "ck_ops_hold_deadline_basis"
          CHECK ("deadline_basis" IN ('ONWARD_DEPARTURE','LOADING','ARRIVAL','CONFIGURED')),
        CONSTRAINT "fk_ops_hold_assignee" FOREIGN KEY ("assignee_id") REFERENCES "ops_user" ("id"),
        CONSTRAINT "fk_ops_hold_first_release_by" FOREIGN KEY ("first_release_by") REFERENCES "ops_user" ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_ops_hold_held_at" ON "ops_hold" ("held_at", "consignment_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_ops_hold_deadline" ON "ops_hold" ("deadline", "consignment_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_ops_hold_status" ON "ops_hold" ("status")`);
    await queryRunner.query(`CREATE INDEX "ix_ops_hold_rule_ids" ON "ops_hold" USING gin ("rule_ids")`);
    await queryRunner.query(`CREATE INDEX "ix_ops_hold_categories" ON "ops_hold" USING gin ("categories")`);
    await queryRunner.query(`CREATE INDEX "ix_ops_hold_assignee" ON "ops_hold" ("assignee_id")`);

    await queryRunner.query(`
      CREATE TABLE "ops_hold_note" (
        "id" uuid NOT NULL,
        "consignment_id" text NOT NULL,
        "author_id" uuid NOT NULL,
        "text" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "pk_ops_hold_note" PRIMARY KEY ("id"),
        CONSTRAINT "fk_ops_hold_note_hold" FOREIGN KEY ("consignment_id") REFERENCES "ops_hold" ("consignment_id"),
        CONSTRAINT "fk_ops_hold_note_author" FOREIGN KEY ("author_id") REFERENCES "ops_user" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_ops_hold_note_consignment" ON "ops_hold_note" ("consignment_id", "created_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "ops_decision_hourly" (
        "hour" timestamptz NOT NULL,
        "decision" text NOT NULL,
        "count" integer NOT NULL,
        CONSTRAINT "pk_ops_decision_hourly" PRIMARY KEY ("hour", "decision")
      )`);

    await queryRunner.query(`
      CREATE TABLE "ops_audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "entry_id" uuid NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "actor_kind" text NOT NULL,
        "actor_id" text,
        "actor_name" text NOT NULL,
        "action" text NOT NULL,
        "target_type" text NOT NULL,
        "target_id" text,
        "before" jsonb,
        "after" jsonb,
        "detail" jsonb,
        "prev_hash" text NOT NULL,
        "hash" text NOT NULL,
        CONSTRAINT "pk_ops_audit_log" PRIMARY KEY ("id"),
        CONSTRAINT "ux_ops_audit_log_entry" UNIQUE ("entry_id"),
        CONSTRAINT "ck_ops_audit_log_actor_kind" CHECK ("actor_kind" IN ('USER','SERVICE','SYSTEM'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_ops_audit_log_target" ON "ops_audit_log" ("target_type", "target_id", "id")`,
    );
    // Append-only: the trigger stops even the table owner; only a superuser disabling triggers gets past it.
    await queryRunner.query(`
      CREATE FUNCTION "ops_audit_log_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ops_audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "ops_audit_log_append_only" BEFORE UPDATE OR DELETE ON "ops_audit_log"
      FOR EACH ROW EXECUTE FUNCTION "ops_audit_log_reject_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "ops_audit_log_no_truncate" BEFORE TRUNCATE ON "ops_audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "ops_audit_log_reject_change"()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "ops_audit_log" FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ops_audit_log"`);
    await queryRunner.query(`DROP FUNCTION "ops_audit_log_reject_change"()`);
    await queryRunner.query(`DROP TABLE "ops_decision_hourly"`);
    await queryRunner.query(`DROP TABLE "ops_hold_note"`);
    await queryRunner.query(`DROP TABLE "ops_hold"`);
    await queryRunner.query(`DROP TABLE "ops_login_attempt"`);
    await queryRunner.query(`DROP TABLE "ops_service_token"`);
    await queryRunner.query(`DROP TABLE "ops_session"`);
    await queryRunner.query(`DROP TABLE "ops_user"`);
  }
}

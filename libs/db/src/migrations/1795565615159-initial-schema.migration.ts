import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795565615159 implements MigrationInterface {
  name = 'InitialSchema1795565615159';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" (
        "id" BIGSERIAL NOT NULL,
        "organisation_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "request_id" uuid,
        "actor_id" uuid,
        "actor_label" text NOT NULL,
        "action" text NOT NULL,
        "detail" jsonb NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "prev_hash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_audit_request" ON "audit_entry" ("request_id", "seq")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_org_seq" ON "audit_entry" ("organisation_id", "seq")`);
    await queryRunner.query(`CREATE TABLE "organisation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" text NOT NULL,
        "name" text NOT NULL,
        "time_zone" text NOT NULL,
        "country" character(2) NOT NULL,
        "holiday_region" text,
        "current_policy_version_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_b800a0efd2f9f19719d0c4d793d" UNIQUE ("slug"),
        CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE TABLE "policy_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "version" text NOT NULL,
        "content_hash" character(64) NOT NULL,
        "document" jsonb NOT NULL,
        "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_3f434bba531e04026bd90fcf7c5" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_policy_version_content" ON "policy_version" ("organisation_id", "content_hash")`,
    );
    await queryRunner.query(`CREATE TABLE "staff_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "name" text NOT NULL,
        "password_hash" text NOT NULL,
        "failed_sign_ins" integer NOT NULL DEFAULT '0',
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_41a4f42a05b7aee26f9d3a0bb6b" UNIQUE ("email"),
        CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE TABLE "data_subject_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "reference" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "policy_version_id" uuid NOT NULL,
        "right_id" text NOT NULL,
        "type" text NOT NULL,
        "regime" text NOT NULL,
        "channel" text NOT NULL,
        "status" text NOT NULL,
        "requester_name" text NOT NULL,
        "requester_email" text NOT NULL,
        "requester_phone" text,
        "relationship" text NOT NULL,
        "details" text NOT NULL DEFAULT '',
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "clock_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "acknowledge_by" TIMESTAMP WITH TIME ZONE,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "extended_due_at" TIMESTAMP WITH TIME ZONE,
        "paused_at" TIMESTAMP WITH TIME ZONE,
        "paused_days" integer NOT NULL DEFAULT '0',
        "extension_reason" text,
        "assignee_id" uuid,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "denial_reason" text,
        "resolution_text" text,
        "redirected_to" text,
        "response_available_until" TIMESTAMP WITH TIME ZONE,
        "verification_required" text NOT NULL,
        "verification_reached" text NOT NULL DEFAULT 'none',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_6f1c7b4b8de0f792655b9badfd2" UNIQUE ("reference"),
        CONSTRAINT "PK_a6d684849892539d6844819a9b2" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_request_org_assignee_due" ON "data_subject_request" ("organisation_id", "assignee_id", "due_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_request_org_status_due" ON "data_subject_request" ("organisation_id", "status", "due_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_request_org_due" ON "data_subject_request" ("organisation_id", "due_at", "id")`,
    );
    await queryRunner.query(`CREATE TABLE "dev_mail" (
        "id" BIGSERIAL NOT NULL,
        "sender" text NOT NULL,
        "recipient" text NOT NULL,
        "subject" text NOT NULL,
        "text" text NOT NULL,
        "html" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_b01c4bacf3a68fec742f2bf368f" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE TABLE "outbox_message" (
        "id" BIGSERIAL NOT NULL,
        "job_name" text NOT NULL,
        "job_id" text NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "relayed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_a45cb3800d93eac23d47bea4163" UNIQUE ("job_id"),
        CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_pending" ON "outbox_message" ("id") WHERE relayed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "request_note" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "author_id" uuid,
        "text" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ad208c258cb83b77ff18e5c50bb" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_request_note_request" ON "request_note" ("request_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "request_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "secret_hash" bytea NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_bffb3eb1d37d4c1b2269c544258" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_request_token_request" ON "request_token" ("request_id", "purpose")`);
    await queryRunner.query(`CREATE TABLE "response_file" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "file_name" text NOT NULL,
        "content_type" text NOT NULL,
        "size" integer NOT NULL,
        "content" bytea NOT NULL,
        "uploaded_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_a4076df89e277281737ff15d028" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_response_file_request" ON "response_file" ("request_id")`);
    await queryRunner.query(`CREATE TABLE "sent_message" (
        "id" BIGSERIAL NOT NULL,
        "key" text NOT NULL,
        "request_id" uuid,
        "template" text NOT NULL,
        "recipient" text NOT NULL,
        "message_id" text,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_4b1538697934500367041b1d94d" UNIQUE ("key"),
        CONSTRAINT "PK_37efcdbf204194da12b5b6b03ca" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE TABLE "staff_membership" (
        "user_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "role" text NOT NULL,
        CONSTRAINT "PK_362d26a6a0d8831ee656e0921bc" PRIMARY KEY ("user_id", "organisation_id")
      )`);
    await queryRunner.query(`CREATE TABLE "staff_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "secret_hash" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_staff_session_user" ON "staff_session" ("user_id")`);
    await queryRunner.query(`ALTER TABLE "policy_version" ADD CONSTRAINT "FK_cefbb4d16211c6c3a9dd2516271" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD CONSTRAINT "FK_2b73cf4c494c96a1fd31f5e683d" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD CONSTRAINT "FK_56de8afb13733b73e22349fc3ce" FOREIGN KEY ("policy_version_id")
      REFERENCES "policy_version"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD CONSTRAINT "FK_300653d6e5eb661478d396533c9" FOREIGN KEY ("assignee_id")
      REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_note" ADD CONSTRAINT "FK_964092bba59d10d0807513b0bdc" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_token" ADD CONSTRAINT "FK_b5180a136528db522d23b60208b" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response_file" ADD CONSTRAINT "FK_8a1948bea1644cae65dada5a392" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_membership" ADD CONSTRAINT "FK_4ebe2c240ba9c226922d9400c54" FOREIGN KEY ("user_id")
      REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_membership" ADD CONSTRAINT "FK_87fc79c8aa95d40a13e99e4037d" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_session" ADD CONSTRAINT "FK_16f703e79dc2ddfaca760e844b3" FOREIGN KEY ("user_id")
      REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The audit log is append-only: its rows are evidence, and the hash chain proves it.
    await queryRunner.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_entry_append_only ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    await queryRunner.query(`ALTER TABLE "staff_session" DROP CONSTRAINT "FK_16f703e79dc2ddfaca760e844b3"`);
    await queryRunner.query(`ALTER TABLE "staff_membership" DROP CONSTRAINT "FK_87fc79c8aa95d40a13e99e4037d"`);
    await queryRunner.query(`ALTER TABLE "staff_membership" DROP CONSTRAINT "FK_4ebe2c240ba9c226922d9400c54"`);
    await queryRunner.query(`ALTER TABLE "response_file" DROP CONSTRAINT "FK_8a1948bea1644cae65dada5a392"`);
    await queryRunner.query(`ALTER TABLE "request_token" DROP CONSTRAINT "FK_b5180a136528db522d23b60208b"`);
    await queryRunner.query(`ALTER TABLE "request_note" DROP CONSTRAINT "FK_964092bba59d10d0807513b0bdc"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP CONSTRAINT "FK_300653d6e5eb661478d396533c9"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP CONSTRAINT "FK_56de8afb13733b73e22349fc3ce"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP CONSTRAINT "FK_2b73cf4c494c96a1fd31f5e683d"`);
    await queryRunner.query(`ALTER TABLE "policy_version" DROP CONSTRAINT "FK_cefbb4d16211c6c3a9dd2516271"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_session_user"`);
    await queryRunner.query(`DROP TABLE "staff_session"`);
    await queryRunner.query(`DROP TABLE "staff_membership"`);
    await queryRunner.query(`DROP TABLE "sent_message"`);
    await queryRunner.query(`DROP INDEX "public"."ix_response_file_request"`);
    await queryRunner.query(`DROP TABLE "response_file"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_token_request"`);
    await queryRunner.query(`DROP TABLE "request_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_note_request"`);
    await queryRunner.query(`DROP TABLE "request_note"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "dev_mail"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_org_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_org_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_org_assignee_due"`);
    await queryRunner.query(`DROP TABLE "data_subject_request"`);
    await queryRunner.query(`DROP TABLE "staff_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_policy_version_content"`);
    await queryRunner.query(`DROP TABLE "policy_version"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_audit_org_seq"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_request"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}

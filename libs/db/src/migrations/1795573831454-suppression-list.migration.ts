import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SuppressionList1795573831454 implements MigrationInterface {
  name = 'SuppressionList1795573831454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "suppression" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "channel" text NOT NULL,
        "address" text NOT NULL,
        "source" text NOT NULL,
        "request_id" uuid,
        "suppressed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_6cdb9d5d3bd43881a7072964b56" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_suppression_org_since" ON "suppression" ("organisation_id", "suppressed_at", "id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_suppression_active" ON "suppression" ("organisation_id", "channel", "address")
      WHERE ended_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "suppression_change" (
        "seq" BIGSERIAL NOT NULL,
        "organisation_id" uuid NOT NULL,
        "suppression_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "channel" text NOT NULL,
        "address" text NOT NULL,
        "source" text NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_ae1698e5174fa29ea340c0c35a9" PRIMARY KEY ("seq")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_suppression_change_org_seq" ON "suppression_change" ("organisation_id", "seq")`,
    );
    await queryRunner.query(`CREATE TABLE "inbound_sms" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "from_number" text NOT NULL,
        "to_number" text NOT NULL,
        "body" text NOT NULL,
        "provider_message_id" text,
        "keyword" text,
        "outcome" text NOT NULL,
        "request_id" uuid,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_b0ee6eb44833577f1d2e11038f3" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_inbound_sms_org_received" ON "inbound_sms" ("organisation_id", "received_at")`,
    );
    await queryRunner.query(`CREATE TABLE "suppression_api_key" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "label" text NOT NULL,
        "key_hash" text NOT NULL,
        "key_prefix" text NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_928694cd2ffe029c2a209de2d8c" UNIQUE ("key_hash"),
        CONSTRAINT "PK_62fb4fc00d0cb9452e56ce3f706" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_suppression_api_key_org" ON "suppression_api_key" ("organisation_id", "created_at")`,
    );
    await queryRunner.query(`CREATE TABLE "gpc_signal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome" text NOT NULL,
        "reason" text,
        "context" text NOT NULL,
        "request_id" uuid,
        CONSTRAINT "PK_d57b339d291c549fd005dd0584b" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_gpc_signal_org_received" ON "gpc_signal" ("organisation_id", "received_at")`,
    );
    await queryRunner.query(`ALTER TABLE "suppression" ADD CONSTRAINT "FK_c0312478edda10d6fb26ac56cdc" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "suppression" ADD CONSTRAINT "FK_5e5f36e1b79507bdb700f18e3e9" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "suppression_change" ADD CONSTRAINT "FK_90d80abffb682db5f901ae08b99" FOREIGN KEY ("suppression_id")
      REFERENCES "suppression"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suppression_change" DROP CONSTRAINT "FK_90d80abffb682db5f901ae08b99"`);
    await queryRunner.query(`ALTER TABLE "suppression" DROP CONSTRAINT "FK_5e5f36e1b79507bdb700f18e3e9"`);
    await queryRunner.query(`ALTER TABLE "suppression" DROP CONSTRAINT "FK_c0312478edda10d6fb26ac56cdc"`);
    await queryRunner.query(`DROP INDEX "public"."ix_gpc_signal_org_received"`);
    await queryRunner.query(`DROP TABLE "gpc_signal"`);
    await queryRunner.query(`DROP INDEX "public"."ix_suppression_api_key_org"`);
    await queryRunner.query(`DROP TABLE "suppression_api_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_sms_org_received"`);
    await queryRunner.query(`DROP TABLE "inbound_sms"`);
    await queryRunner.query(`DROP INDEX "public"."ix_suppression_change_org_seq"`);
    await queryRunner.query(`DROP TABLE "suppression_change"`);
    await queryRunner.query(`DROP INDEX "public"."ux_suppression_active"`);
    await queryRunner.query(`DROP INDEX "public"."ix_suppression_org_since"`);
    await queryRunner.query(`DROP TABLE "suppression"`);
  }
}

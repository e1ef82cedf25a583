import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineJobs1795567732328 implements MigrationInterface {
  name = 'DeadlineJobs1795567732328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deadline_event" (
        "id" BIGSERIAL NOT NULL,
        "request_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "key" text NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "fired_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_697b6e48c66d3240f382237dbfa" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_deadline_event_due" ON "deadline_event" ("due_at") WHERE fired_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deadline_event" ON "deadline_event" ("request_id", "kind", "key")`,
    );
    await queryRunner.query(`CREATE TABLE "staff_alert" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "request_id" uuid,
        "kind" text NOT NULL,
        "message" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_713c86a159567cf07fa207e48bb" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_staff_alert_open" ON "staff_alert" ("organisation_id", "created_at")
      WHERE resolved_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "data_subject_request" ADD "verification_expires_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "purged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_request_closed" ON "data_subject_request" ("closed_at") WHERE closed_at IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "deadline_event" ADD CONSTRAINT "FK_8dfdf09aa207c0ed41d508a5a6e" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline_event" DROP CONSTRAINT "FK_8dfdf09aa207c0ed41d508a5a6e"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_closed"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "purged_at"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "verification_expires_at"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "acknowledged_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_alert_open"`);
    await queryRunner.query(`DROP TABLE "staff_alert"`);
    await queryRunner.query(`DROP INDEX "public"."uq_deadline_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deadline_event_due"`);
    await queryRunner.query(`DROP TABLE "deadline_event"`);
  }
}

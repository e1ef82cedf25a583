import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConnectedSystems1796484566994 implements MigrationInterface {
  name = 'ConnectedSystems1796484566994';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "data_map_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "content_hash" character(64) NOT NULL,
        "document" jsonb NOT NULL,
        "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_06fd2ea51eef2b412e1eb9de093" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_data_map_version_content" ON "data_map_version" ("organisation_id", "content_hash")`,
    );
    await queryRunner.query(`CREATE TABLE "fulfilment_task" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "request_id" uuid NOT NULL,
        "data_map_version_id" uuid NOT NULL,
        "system_id" text NOT NULL,
        "system_kind" text NOT NULL,
        "purpose" text NOT NULL,
        "state" text NOT NULL,
        "attempts" integer NOT NULL DEFAULT '0',
        "run_job_id" text,
        "counts" jsonb,
        "error_class" text,
        "reason" text,
        "checklist" jsonb,
        "confirmation_token_hash" character(64),
        "reminders_sent" integer NOT NULL DEFAULT '0',
        "next_reminder_at" TIMESTAMP WITH TIME ZONE,
        "escalated_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_c9689c4a4dfd9508827b60aa7bb" UNIQUE ("confirmation_token_hash"),
        CONSTRAINT "PK_489a8e2bd8338b35959c91f451e" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_fulfilment_task_vendor_reminder" ON "fulfilment_task" ("next_reminder_at")
      WHERE state = 'awaiting_vendor'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_fulfilment_task_system" ON "fulfilment_task" ("request_id", "purpose", "system_id")`,
    );
    await queryRunner.query(`CREATE TABLE "system_findings" (
        "task_id" uuid NOT NULL,
        "tables" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_91633c9550f13cd80800fadf2a3" PRIMARY KEY ("task_id")
      )`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "current_data_map_version_id" uuid`);
    await queryRunner.query(`ALTER TABLE "data_map_version" ADD CONSTRAINT "FK_8daba02fddf83d0a4e9a348a4d2" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "fulfilment_task" ADD CONSTRAINT "FK_95bbf1efeecf909fb267b7a0312" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "fulfilment_task" ADD CONSTRAINT "FK_461c82067368da6f54a4af09434" FOREIGN KEY ("data_map_version_id")
      REFERENCES "data_map_version"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "system_findings" ADD CONSTRAINT "FK_91633c9550f13cd80800fadf2a3" FOREIGN KEY ("task_id")
      REFERENCES "fulfilment_task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "system_findings" DROP CONSTRAINT "FK_91633c9550f13cd80800fadf2a3"`);
    await queryRunner.query(`ALTER TABLE "fulfilment_task" DROP CONSTRAINT "FK_461c82067368da6f54a4af09434"`);
    await queryRunner.query(`ALTER TABLE "fulfilment_task" DROP CONSTRAINT "FK_95bbf1efeecf909fb267b7a0312"`);
    await queryRunner.query(`ALTER TABLE "data_map_version" DROP CONSTRAINT "FK_8daba02fddf83d0a4e9a348a4d2"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "current_data_map_version_id"`);
    await queryRunner.query(`DROP TABLE "system_findings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_fulfilment_task_system"`);
    await queryRunner.query(`DROP INDEX "public"."ix_fulfilment_task_vendor_reminder"`);
    await queryRunner.query(`DROP TABLE "fulfilment_task"`);
    await queryRunner.query(`DROP INDEX "public"."uq_data_map_version_content"`);
    await queryRunner.query(`DROP TABLE "data_map_version"`);
  }
}

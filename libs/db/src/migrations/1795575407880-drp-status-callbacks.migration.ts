import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DrpStatusCallbacks1795575407880 implements MigrationInterface {
  name = 'DrpStatusCallbacks1795575407880';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "drp_status_callback" (
        "request_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "queued_status" jsonb NOT NULL,
        "queued_count" integer NOT NULL,
        "delivered_status" jsonb NOT NULL,
        "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_660a3badb01f834e2cebd3b55d7" PRIMARY KEY ("request_id")
      )`);
    await queryRunner.query(`ALTER TABLE "drp_status_callback" ADD CONSTRAINT "FK_660a3badb01f834e2cebd3b55d7" FOREIGN KEY ("request_id")
      REFERENCES "drp_request"("request_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drp_status_callback" DROP CONSTRAINT "FK_660a3badb01f834e2cebd3b55d7"`);
    await queryRunner.query(`DROP TABLE "drp_status_callback"`);
  }
}

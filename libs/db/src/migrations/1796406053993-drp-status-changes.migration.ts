import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DrpStatusChanges1796406053993 implements MigrationInterface {
  name = 'DrpStatusChanges1796406053993';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "drp_status_change" (
        "request_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "status" jsonb NOT NULL,
        CONSTRAINT "PK_0c6e076b230253927dcea0c93de" PRIMARY KEY ("request_id", "number")
      )`);
    await queryRunner.query(`ALTER TABLE "drp_request" ADD "user_verification_url" text`);
    await queryRunner.query(`ALTER TABLE "drp_status_callback" ADD "delivered_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "drp_status_change" ADD CONSTRAINT "FK_6510f22db3353142873727b83d8" FOREIGN KEY ("request_id")
      REFERENCES "drp_status_callback"("request_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Callbacks queued before this kept only the latest status: where it was not yet taken, it is the one change owed.
    await queryRunner.query(`INSERT INTO "drp_status_change" ("request_id", "number", "status") SELECT "request_id", "queued_count", "queued_status" FROM "drp_status_callback"
      WHERE "queued_status" <> "delivered_status"`);
    await queryRunner.query(
      `UPDATE "drp_status_callback" SET "delivered_count" = CASE WHEN "queued_status" <> "delivered_status" THEN "queued_count" - 1 ELSE "queued_count" END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drp_status_change" DROP CONSTRAINT "FK_6510f22db3353142873727b83d8"`);
    await queryRunner.query(`ALTER TABLE "drp_status_callback" DROP COLUMN "delivered_count"`);
    await queryRunner.query(`ALTER TABLE "drp_request" DROP COLUMN "user_verification_url"`);
    await queryRunner.query(`DROP TABLE "drp_status_change"`);
  }
}

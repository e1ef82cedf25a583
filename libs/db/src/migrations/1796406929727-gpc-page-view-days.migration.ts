import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GpcPageViewDays1796406929727 implements MigrationInterface {
  name = 'GpcPageViewDays1796406929727';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gpc_signal" ADD "day" date`);
    await queryRunner.query(`ALTER TABLE "gpc_signal" ADD "views" integer NOT NULL DEFAULT '1'`);
    // The page views recorded one row each so far, folded into their day's count.
    await queryRunner.query(`INSERT INTO "gpc_signal" ("organisation_id", "received_at", "outcome", "reason", "context", "day", "views")
      SELECT "organisation_id", max("received_at"), "outcome", (array_agg("reason" ORDER BY "received_at" DESC))[1], 'page_view', ("received_at" AT TIME ZONE 'UTC')::date, count(*)
        FROM "gpc_signal" WHERE "context" = 'page_view' AND "day" IS NULL
       GROUP BY "organisation_id", "outcome", ("received_at" AT TIME ZONE 'UTC')::date`);
    await queryRunner.query(`DELETE FROM "gpc_signal" WHERE "context" = 'page_view' AND "day" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_gpc_signal_page_view_day" ON "gpc_signal" ("organisation_id", "day", "outcome")
      WHERE "context" = 'page_view'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_gpc_signal_page_view_day"`);
    await queryRunner.query(`ALTER TABLE "gpc_signal" DROP COLUMN "views"`);
    await queryRunner.query(`ALTER TABLE "gpc_signal" DROP COLUMN "day"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformOperators1796497438477 implements MigrationInterface {
  name = 'PlatformOperators1796497438477';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "policy_import" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid,
        "slug" text NOT NULL,
        "name" text NOT NULL,
        "time_zone" text NOT NULL,
        "country" character(2) NOT NULL,
        "file_name" text,
        "policy_text" text NOT NULL,
        "sentences" jsonb NOT NULL,
        "draft" jsonb NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "policy_version_id" uuid,
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_7c7c284fea57abd6836dcf99837" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_policy_import_organisation" ON "policy_import" ("organisation_id", "created_at")`,
    );
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "platform_operator" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "policy_import" ADD CONSTRAINT "FK_ba3b31504b86aaa7f8ad3eec092" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "policy_import" ADD CONSTRAINT "FK_0d6eac0a3247af5168c390862fc" FOREIGN KEY ("created_by")
      REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "policy_import" ADD CONSTRAINT "FK_a695716d5fe60192c8232fecff4" FOREIGN KEY ("policy_version_id")
      REFERENCES "policy_version"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "policy_import" DROP CONSTRAINT "FK_a695716d5fe60192c8232fecff4"`);
    await queryRunner.query(`ALTER TABLE "policy_import" DROP CONSTRAINT "FK_0d6eac0a3247af5168c390862fc"`);
    await queryRunner.query(`ALTER TABLE "policy_import" DROP CONSTRAINT "FK_ba3b31504b86aaa7f8ad3eec092"`);
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "platform_operator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_policy_import_organisation"`);
    await queryRunner.query(`DROP TABLE "policy_import"`);
  }
}

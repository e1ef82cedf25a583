import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffInvitations1796405837332 implements MigrationInterface {
  name = 'StaffInvitations1796405837332';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "staff_invitation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "email" text NOT NULL,
        "role" text NOT NULL,
        "invited_by" uuid,
        "secret_hash" bytea,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_8586bd3a7c4130502b6a8baa982" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_staff_invitation_pending" ON "staff_invitation" ("organisation_id", "email")
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "staff_password_reset" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "secret_hash" bytea,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_cc462db2b74ddb016113ee7e3a8" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_staff_password_reset_user" ON "staff_password_reset" ("user_id")`);
    await queryRunner.query(`ALTER TABLE "staff_invitation" ADD CONSTRAINT "FK_f8a2bad94bf7edd140ef1c61b80" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff_password_reset" ADD CONSTRAINT "FK_80327fca57e1dbd1743f749f28c" FOREIGN KEY ("user_id")
      REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_password_reset" DROP CONSTRAINT "FK_80327fca57e1dbd1743f749f28c"`);
    await queryRunner.query(`ALTER TABLE "staff_invitation" DROP CONSTRAINT "FK_f8a2bad94bf7edd140ef1c61b80"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_password_reset_user"`);
    await queryRunner.query(`DROP TABLE "staff_password_reset"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_invitation_pending"`);
    await queryRunner.query(`DROP TABLE "staff_invitation"`);
  }
}

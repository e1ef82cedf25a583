import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VerificationDataPoints1796535583718 implements MigrationInterface {
  name = 'VerificationDataPoints1796535583718';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "verification_data_point" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "request_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "value" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_90b4ac8ca7da36ecda7e86924bc" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_verification_data_point_request" ON "verification_data_point" ("request_id")`,
    );
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "declaration_name" text`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "declaration_date" date`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "declaration_signed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "verification_data_point" ADD CONSTRAINT "FK_3f18df5f37a9095907920b77891" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verification_data_point" DROP CONSTRAINT "FK_3f18df5f37a9095907920b77891"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "declaration_signed_at"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "declaration_date"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "declaration_name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_verification_data_point_request"`);
    await queryRunner.query(`DROP TABLE "verification_data_point"`);
  }
}

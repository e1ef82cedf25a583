import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityEvidence1796540000000 implements MigrationInterface {
  name = 'IdentityEvidence1796540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "identity_check" text`);
    await queryRunner.query(`
      CREATE TABLE "identity_evidence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "request_id" uuid NOT NULL,
        "data_point" text NOT NULL,
        "result" text NOT NULL,
        "recorded_at" timestamptz NOT NULL,
        CONSTRAINT "PK_identity_evidence" PRIMARY KEY ("id"),
        CONSTRAINT "FK_6644fdef5f533fa8dc2d54cd82c" FOREIGN KEY ("request_id")
          REFERENCES "data_subject_request"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_identity_evidence_point" ON "identity_evidence" ("request_id", "data_point")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity_evidence"`);
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "identity_check"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityDocument1796550000000 implements MigrationInterface {
  name = 'IdentityDocument1796550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity_document" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "request_id" uuid NOT NULL,
        "content_type" text NOT NULL,
        "size" integer NOT NULL,
        "content" bytea NOT NULL,
        "received_at" timestamptz NOT NULL,
        "decided_at" timestamptz,
        CONSTRAINT "PK_identity_document" PRIMARY KEY ("id"),
        CONSTRAINT "FK_9ccf7fb95ec93fefd4ff361ffd1" FOREIGN KEY ("request_id")
          REFERENCES "data_subject_request"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_identity_document_request" ON "identity_document" ("request_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity_document"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthorisedAgents1795573732777 implements MigrationInterface {
  name = 'AuthorisedAgents1795573732777';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "request_agent" (
        "request_id" uuid NOT NULL,
        "name" text NOT NULL,
        "email" text NOT NULL,
        "is_business" boolean NOT NULL,
        "registration_number" text,
        "permission_file_name" text NOT NULL,
        "permission_content_type" text NOT NULL,
        "permission_size" integer NOT NULL,
        "permission_content" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_e39e7a9cd0d60561684da6f1cea" PRIMARY KEY ("request_id")
      )`);
    await queryRunner.query(`ALTER TABLE "request_agent" ADD CONSTRAINT "FK_e39e7a9cd0d60561684da6f1cea" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_agent" DROP CONSTRAINT "FK_e39e7a9cd0d60561684da6f1cea"`);
    await queryRunner.query(`DROP TABLE "request_agent"`);
  }
}

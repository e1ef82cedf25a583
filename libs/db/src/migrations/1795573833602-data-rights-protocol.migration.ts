import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataRightsProtocol1795573833602 implements MigrationInterface {
  name = 'DataRightsProtocol1795573833602';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "drp_agent" (
        "id" text NOT NULL,
        "name" text NOT NULL,
        "verify_key" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_4091209850d73a6819a8c563337" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE TABLE "drp_agent_token" (
        "agent_id" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "token_hash" bytea NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "UQ_30de39918ce6b16f8b741405078" UNIQUE ("token_hash"),
        CONSTRAINT "PK_256f8ca680b535cbc5a70496671" PRIMARY KEY ("agent_id", "organisation_id")
      )`);
    await queryRunner.query(`CREATE TABLE "drp_request" (
        "request_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "drp_request_id" uuid NOT NULL,
        "agent_id" text NOT NULL,
        "agent_request_id" text,
        "drp_version" text NOT NULL,
        "exercise" text NOT NULL,
        "drp_regime" text NOT NULL,
        "relationships" jsonb NOT NULL DEFAULT '[]',
        "status_callback" text,
        "email_verified" boolean NOT NULL,
        "phone_number_verified" boolean NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_202e056192c8df6c79ab257ac3a" PRIMARY KEY ("request_id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_drp_request_org_drp_id" ON "drp_request" ("organisation_id", "drp_request_id")`,
    );
    await queryRunner.query(`CREATE TABLE "drp_signed_message" (
        "digest" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_8de583afd963448116be4143bb7" PRIMARY KEY ("digest")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_drp_signed_message_expires" ON "drp_signed_message" ("expires_at")`);
    await queryRunner.query(`ALTER TABLE "drp_agent_token" ADD CONSTRAINT "FK_d478c455b359418809abae050aa" FOREIGN KEY ("agent_id")
      REFERENCES "drp_agent"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "drp_agent_token" ADD CONSTRAINT "FK_46d8b05303d48b1ce20f9a79ab2" FOREIGN KEY ("organisation_id")
      REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "drp_request" ADD CONSTRAINT "FK_202e056192c8df6c79ab257ac3a" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "drp_request" ADD CONSTRAINT "FK_1e92624150e782898c85fe907dd" FOREIGN KEY ("agent_id")
      REFERENCES "drp_agent"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drp_request" DROP CONSTRAINT "FK_1e92624150e782898c85fe907dd"`);
    await queryRunner.query(`ALTER TABLE "drp_request" DROP CONSTRAINT "FK_202e056192c8df6c79ab257ac3a"`);
    await queryRunner.query(`ALTER TABLE "drp_agent_token" DROP CONSTRAINT "FK_46d8b05303d48b1ce20f9a79ab2"`);
    await queryRunner.query(`ALTER TABLE "drp_agent_token" DROP CONSTRAINT "FK_d478c455b359418809abae050aa"`);
    await queryRunner.query(`DROP INDEX "public"."ix_drp_signed_message_expires"`);
    await queryRunner.query(`DROP TABLE "drp_signed_message"`);
    await queryRunner.query(`DROP INDEX "public"."ux_drp_request_org_drp_id"`);
    await queryRunner.query(`DROP TABLE "drp_request"`);
    await queryRunner.query(`DROP TABLE "drp_agent_token"`);
    await queryRunner.query(`DROP TABLE "drp_agent"`);
  }
}

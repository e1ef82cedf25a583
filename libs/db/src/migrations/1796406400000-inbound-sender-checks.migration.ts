import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundSenderChecks1796406400000 implements MigrationInterface {
  name = 'InboundSenderChecks1796406400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_message" ADD "client_address" text`);
    await queryRunner.query(`ALTER TABLE "inbound_message" ADD "authentication" jsonb`);
    // Mail stored before the checks was acknowledged; new rows always name their decision.
    await queryRunner.query(`ALTER TABLE "inbound_message" ADD "acknowledgement" text NOT NULL DEFAULT 'acknowledged'`);
    await queryRunner.query(`ALTER TABLE "inbound_message" ALTER COLUMN "acknowledgement" DROP DEFAULT`);
    await queryRunner.query(`CREATE INDEX "ix_inbound_message_client_address" ON "inbound_message" ("client_address")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_message_client_address"`);
    await queryRunner.query(`ALTER TABLE "inbound_message" DROP COLUMN "acknowledgement"`);
    await queryRunner.query(`ALTER TABLE "inbound_message" DROP COLUMN "authentication"`);
    await queryRunner.query(`ALTER TABLE "inbound_message" DROP COLUMN "client_address"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailLedgerSending1796406400001 implements MigrationInterface {
  name = 'MailLedgerSending1796406400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Every row so far was written once SMTP accepted the mail.
    await queryRunner.query(`ALTER TABLE "sent_message" ADD "status" text NOT NULL DEFAULT 'sent'`);
    await queryRunner.query(`ALTER TABLE "sent_message" ALTER COLUMN "status" DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sent_message" DROP COLUMN "status"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VendorEscalationDue1796486850078 implements MigrationInterface {
  name = 'VendorEscalationDue1796486850078';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fulfilment_task" ADD "escalation_due_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fulfilment_task" DROP COLUMN "escalation_due_at"`);
  }
}

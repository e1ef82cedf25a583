import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DevMailHeaders1796406664145 implements MigrationInterface {
  name = 'DevMailHeaders1796406664145';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dev_mail" ADD "headers" text NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dev_mail" DROP COLUMN "headers"`);
  }
}

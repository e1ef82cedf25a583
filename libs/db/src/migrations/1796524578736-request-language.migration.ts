import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestLanguage1796524578736 implements MigrationInterface {
  name = 'RequestLanguage1796524578736';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_subject_request" ADD "language" text NOT NULL DEFAULT 'en'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_subject_request" DROP COLUMN "language"`);
  }
}

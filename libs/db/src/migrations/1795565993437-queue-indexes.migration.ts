import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QueueIndexes1795565993437 implements MigrationInterface {
  name = 'QueueIndexes1795565993437';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_request_org_open_due" ON "data_subject_request" ("organisation_id", "due_at", "id")
      WHERE status IN ('unverified', 'verified', 'in_progress', 'awaiting_requester')`);
    // Written by hand: the entity marks this index synchronize: false because TypeORM cannot describe it.
    // pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "ix_request_email_trgm" ON "data_subject_request" USING gin (lower("requester_email") gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_request_email_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_org_open_due"`);
  }
}

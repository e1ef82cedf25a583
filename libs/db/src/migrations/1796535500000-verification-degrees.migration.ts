import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The single 'identity' level becomes the law's two degrees. A request asked for identity before is held to a
 * reasonable degree (two data points), never silently to a high one it was not filed under. Stored policy versions
 * say the same and gain the data points a reasonable degree needs, so the documents stay ones the validator accepts.
 */
export class VerificationDegrees1796535500000 implements MigrationInterface {
  name = 'VerificationDegrees1796535500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "data_subject_request" SET "verification_required" = 'reasonable' WHERE "verification_required" = 'identity'`,
    );
    await queryRunner.query(
      `UPDATE "data_subject_request" SET "verification_reached" = 'reasonable' WHERE "verification_reached" = 'identity'`,
    );
    await queryRunner.query(
      `UPDATE "policy_version"
        SET "document" = jsonb_set(
          replace("document"::text, '"verification": "identity"', '"verification": "reasonable"')::jsonb,
          '{settings,verificationDataPoints}',
          COALESCE("document" -> 'settings' -> 'verificationDataPoints', '["phone", "postal_address"]'::jsonb)
        )
        WHERE "document"::text LIKE '%"verification": "identity"%'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "data_subject_request" SET "verification_required" = 'identity' WHERE "verification_required" IN ('reasonable', 'high')`,
    );
    await queryRunner.query(
      `UPDATE "data_subject_request" SET "verification_reached" = 'identity' WHERE "verification_reached" IN ('reasonable', 'high')`,
    );
    await queryRunner.query(
      `UPDATE "policy_version"
        SET "document" = replace(replace("document"::text, '"verification": "reasonable"', '"verification": "identity"'),
          '"verification": "high"', '"verification": "identity"')::jsonb #- '{settings,verificationDataPoints}'`,
    );
  }
}

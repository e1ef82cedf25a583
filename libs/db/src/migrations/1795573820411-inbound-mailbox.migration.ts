import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundMailbox1795573820411 implements MigrationInterface {
  name = 'InboundMailbox1795573820411';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Mail awaiting classification is open: the open-queue index's predicate lists OPEN_STATUSES, so it is rebuilt
    // with the new status (TypeORM does not compare index predicates, so it did not write this).
    await queryRunner.query(`DROP INDEX "public"."ix_request_org_open_due"`);
    await queryRunner.query(`CREATE INDEX "ix_request_org_open_due" ON "data_subject_request" ("organisation_id", "due_at", "id")
      WHERE status IN ('unverified', 'verified', 'in_progress', 'awaiting_requester', 'received_by_email')`);
    await queryRunner.query(`CREATE TABLE "inbound_message" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "message_key" text NOT NULL,
        "recipient" text NOT NULL,
        "from_address" text NOT NULL,
        "from_name" text NOT NULL DEFAULT '',
        "subject" text NOT NULL DEFAULT '',
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "text_body" text NOT NULL DEFAULT '',
        "html_body" text,
        "source" bytea NOT NULL,
        "source_size" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "REL_d41a5ed10f30091810ee404fc9" UNIQUE ("request_id"),
        CONSTRAINT "PK_a013d32c89ba79e84f4d371bd1b" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inbound_message_org_key" ON "inbound_message" ("organisation_id", "message_key")`,
    );
    await queryRunner.query(`CREATE TABLE "inbound_attachment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "message_id" uuid NOT NULL,
        "file_name" text NOT NULL,
        "content_type" text NOT NULL,
        "size" integer NOT NULL,
        "content" bytea NOT NULL,
        CONSTRAINT "PK_2e6022fdd41b4b273a15f22f207" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_inbound_attachment_message" ON "inbound_attachment" ("message_id")`);
    await queryRunner.query(`ALTER TABLE "inbound_message" ADD CONSTRAINT "FK_d41a5ed10f30091810ee404fc91" FOREIGN KEY ("request_id")
      REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_attachment" ADD CONSTRAINT "FK_5e6de45ff0a077167ef64e73283" FOREIGN KEY ("message_id")
      REFERENCES "inbound_message"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_attachment" DROP CONSTRAINT "FK_5e6de45ff0a077167ef64e73283"`);
    await queryRunner.query(`ALTER TABLE "inbound_message" DROP CONSTRAINT "FK_d41a5ed10f30091810ee404fc91"`);
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_attachment_message"`);
    await queryRunner.query(`DROP TABLE "inbound_attachment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inbound_message_org_key"`);
    await queryRunner.query(`DROP TABLE "inbound_message"`);
    await queryRunner.query(`DROP INDEX "public"."ix_request_org_open_due"`);
    await queryRunner.query(`CREATE INDEX "ix_request_org_open_due" ON "data_subject_request" ("organisation_id", "due_at", "id")
      WHERE status IN ('unverified', 'verified', 'in_progress', 'awaiting_requester')`);
  }
}

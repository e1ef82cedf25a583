import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795565098299 implements MigrationInterface {
  name = 'InitialSchema1795565098299';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"organisation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" text NOT NULL, \"name\" text NOT NULL, \"time_zone\" text NOT NULL, \"country\" character(2) NOT NULL, \"holiday_region\" text, \"current_policy_version_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_b800a0efd2f9f19719d0c4d793d\" UNIQUE (\"slug\"), CONSTRAINT \"PK_c725ae234ef1b74cce43d2d00c1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"policy_version\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organisation_id\" uuid NOT NULL, \"version\" text NOT NULL, \"content_hash\" character(64) NOT NULL, \"document\" jsonb NOT NULL, \"loaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3f434bba531e04026bd90fcf7c5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_policy_version_content\" ON \"policy_version\"  (\"organisation_id\", \"content_hash\") ");
    await queryRunner.query("CREATE TABLE \"data_subject_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"reference\" text NOT NULL, \"organisation_id\" uuid NOT NULL, \"policy_version_id\" uuid NOT NULL, \"right_id\" text NOT NULL, \"type\" text NOT NULL, \"regime\" text NOT NULL, \"channel\" text NOT NULL, \"status\" text NOT NULL, \"requester_name\" text NOT NULL, \"requester_email\" text NOT NULL, \"requester_phone\" text, \"relationship\" text NOT NULL, \"details\" text NOT NULL DEFAULT '', \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"clock_started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"verified_at\" TIMESTAMP WITH TIME ZONE, \"acknowledge_by\" TIMESTAMP WITH TIME ZONE, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"extended_due_at\" TIMESTAMP WITH TIME ZONE, \"verification_required\" text NOT NULL, \"verification_reached\" text NOT NULL DEFAULT 'none', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_6f1c7b4b8de0f792655b9badfd2\" UNIQUE (\"reference\"), CONSTRAINT \"PK_a6d684849892539d6844819a9b2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_request_org_status_due\" ON \"data_subject_request\"  (\"organisation_id\", \"status\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_org_due\" ON \"data_subject_request\"  (\"organisation_id\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"dev_mail\" (\"id\" BIGSERIAL NOT NULL, \"sender\" text NOT NULL, \"recipient\" text NOT NULL, \"subject\" text NOT NULL, \"text\" text NOT NULL, \"html\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b01c4bacf3a68fec742f2bf368f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" BIGSERIAL NOT NULL, \"job_name\" text NOT NULL, \"job_id\" text NOT NULL, \"payload\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"relayed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_a45cb3800d93eac23d47bea4163\" UNIQUE (\"job_id\"), CONSTRAINT \"PK_2f36ee5236f2793f3e7bd554589\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_outbox_pending\" ON \"outbox_message\"  (\"id\") WHERE relayed_at IS NULL");
    await queryRunner.query("CREATE TABLE \"request_timeline_entry\" (\"id\" BIGSERIAL NOT NULL, \"request_id\" uuid NOT NULL, \"action\" text NOT NULL, \"detail\" jsonb NOT NULL DEFAULT '{}', \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_15e958c688e61f26b8b498e8e22\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_request_timeline_request\" ON \"request_timeline_entry\"  (\"request_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"request_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"request_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"secret_hash\" bytea NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_bffb3eb1d37d4c1b2269c544258\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_request_token_request\" ON \"request_token\"  (\"request_id\", \"purpose\") ");
    await queryRunner.query("CREATE TABLE \"sent_message\" (\"id\" BIGSERIAL NOT NULL, \"key\" text NOT NULL, \"request_id\" uuid, \"template\" text NOT NULL, \"recipient\" text NOT NULL, \"message_id\" text, \"sent_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_4b1538697934500367041b1d94d\" UNIQUE (\"key\"), CONSTRAINT \"PK_37efcdbf204194da12b5b6b03ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"policy_version\" ADD CONSTRAINT \"FK_cefbb4d16211c6c3a9dd2516271\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_subject_request\" ADD CONSTRAINT \"FK_2b73cf4c494c96a1fd31f5e683d\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"data_subject_request\" ADD CONSTRAINT \"FK_56de8afb13733b73e22349fc3ce\" FOREIGN KEY (\"policy_version_id\") REFERENCES \"policy_version\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"request_timeline_entry\" ADD CONSTRAINT \"FK_352533f416469ed515a8767ef1f\" FOREIGN KEY (\"request_id\") REFERENCES \"data_subject_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"request_token\" ADD CONSTRAINT \"FK_b5180a136528db522d23b60208b\" FOREIGN KEY (\"request_id\") REFERENCES \"data_subject_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"request_token\" DROP CONSTRAINT \"FK_b5180a136528db522d23b60208b\"");
    await queryRunner.query("ALTER TABLE \"request_timeline_entry\" DROP CONSTRAINT \"FK_352533f416469ed515a8767ef1f\"");
    await queryRunner.query("ALTER TABLE \"data_subject_request\" DROP CONSTRAINT \"FK_56de8afb13733b73e22349fc3ce\"");
    await queryRunner.query("ALTER TABLE \"data_subject_request\" DROP CONSTRAINT \"FK_2b73cf4c494c96a1fd31f5e683d\"");
    await queryRunner.query("ALTER TABLE \"policy_version\" DROP CONSTRAINT \"FK_cefbb4d16211c6c3a9dd2516271\"");
    await queryRunner.query("DROP TABLE \"sent_message\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_request_token_request\"");
    await queryRunner.query("DROP TABLE \"request_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_request_timeline_request\"");
    await queryRunner.query("DROP TABLE \"request_timeline_entry\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_pending\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("DROP TABLE \"dev_mail\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_request_org_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_request_org_status_due\"");
    await queryRunner.query("DROP TABLE \"data_subject_request\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_policy_version_content\"");
    await queryRunner.query("DROP TABLE \"policy_version\"");
    await queryRunner.query("DROP TABLE \"organisation\"");
  }
}

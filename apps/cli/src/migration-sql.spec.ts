import { describe, expect, it } from '@jest/globals';

import { migrationQueries, migrationSqlLines, templateLiteral } from './migration-sql.js';

describe('migration SQL layout', () => {
  it('puts a table’s columns one a line, leaving quoted text as it is', () => {
    const sql =
      'CREATE TABLE "request_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL DEFAULT \'a, (b)\', ' +
      '"text" text NOT NULL, CONSTRAINT "PK_1" PRIMARY KEY ("id"))';
    expect(migrationSqlLines(sql, '  ')).toBe(
      [
        'CREATE TABLE "request_note" (',
        '    "id" uuid NOT NULL DEFAULT gen_random_uuid(),',
        '    "kind" text NOT NULL DEFAULT \'a, (b)\',',
        '    "text" text NOT NULL,',
        '    CONSTRAINT "PK_1" PRIMARY KEY ("id")',
        '  )',
      ].join('\n'),
    );
  });

  it('breaks a long statement before REFERENCES and WHERE, and keeps a short one on one line', () => {
    const foreignKey =
      'ALTER TABLE "request_note" ADD CONSTRAINT "FK_964092bba59d10d0807513b0bdc" FOREIGN KEY ("request_id") ' +
      'REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION';
    expect(migrationSqlLines(foreignKey, '  ')).toBe(
      'ALTER TABLE "request_note" ADD CONSTRAINT "FK_964092bba59d10d0807513b0bdc" FOREIGN KEY ("request_id")\n' +
        '  REFERENCES "data_subject_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    expect(migrationSqlLines('CREATE INDEX "ix_a" ON "a"  ("b", "c") ', '  ')).toBe(
      'CREATE INDEX "ix_a" ON "a" ("b", "c")',
    );
  });

  it('copies string literals, quoted identifiers and dollar-quoted bodies byte for byte', () => {
    const body = "$$\nBEGIN\n  RAISE EXCEPTION 'x  ,  y';\nEND $$";
    const sql = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS ${body}`;
    expect(migrationSqlLines(sql, '  ')).toContain(body);
    expect(migrationSqlLines(`SELECT 'it''s  (a, b)', "odd  ""name"""`, '  ')).toBe(
      `SELECT 'it''s  (a, b)', "odd  ""name"""`,
    );
    expect(migrationSqlLines(String.raw`SELECT E'a\'  b'`, '  ')).toBe(String.raw`SELECT E'a\'  b'`);
  });

  it('escapes what a template literal would otherwise read', () => {
    const sql = String.raw`SELECT '\d ${'$'}{x} ` + '`' + "'";
    expect(new Function(`return ${templateLiteral(sql)};`)()).toBe(sql);
    expect(migrationQueries(['DROP TABLE "a"'])).toBe('    await queryRunner.query(`DROP TABLE "a"`);');
  });
});

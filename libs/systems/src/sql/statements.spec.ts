import { describe, expect, it } from '@jest/globals';

import { type MappedTable, parseDataMap, PolicyFileError } from '#policy';

import { mariadbDialect } from './mariadb.js';
import { postgresDialect } from './postgres.js';
import {
  countRows,
  deleteRows,
  maskRows,
  type PersonFilter,
  selectRows,
  setFlag,
  slicesOf,
  unhashedValues,
} from './statements.js';

const customers: MappedTable = {
  name: 'customers',
  key: 'id',
  identity: [],
  relations: [],
  columns: { id: 'identifiers', email: 'contact', phone: 'contact', name: 'contact', flag: 'inferences' },
  verify: {},
  erasure: { action: 'delete' },
};

const byIdentity: PersonFilter = {
  identity: [
    { column: 'email', compare: 'exact', value: 'ann@example.org' },
    { column: 'name', compare: 'lower', value: 'ann' },
    { column: 'phone', compare: 'digits', value: '15550102030' },
  ],
  follow: [],
};

const byKeys: PersonFilter = { identity: [], follow: [{ column: 'customer_id', keys: [1, 2, 3] }] };

describe('quoting names', () => {
  it('doubles the quote character inside a name, in each dialect', () => {
    expect(postgresDialect.quote('customers')).toBe('"customers"');
    expect(postgresDialect.quote('we"ird')).toBe('"we""ird"');
    expect(postgresDialect.quote('"; DROP TABLE x; --')).toBe('"""; DROP TABLE x; --"');
    expect(mariadbDialect.quote('customers')).toBe('`customers`');
    expect(mariadbDialect.quote('we`ird')).toBe('`we``ird`');
    expect(mariadbDialect.quote('`; DROP TABLE x; --')).toBe('```; DROP TABLE x; --`');
  });

  it('never gets a name with a quote from a data map: the parser refuses it first', () => {
    const hostile = (table: string, column: string) => `organisation: shop
systems:
  - id: db
    name: Shop
    kind: postgres
    connection: SHOP_DB_URL
    tables:
      '${table}':
        identity: { '${column}': email }
        columns: { '${column}': contact, id: identifiers }
        erasure: delete
`;
    for (const [table, column] of [
      ['customers"; DROP TABLE customers; --', 'email'],
      ['customers', 'email` = 1 OR `1'],
      ['customers', "email'' OR 1=1"],
    ]) {
      const parsing = () => parseDataMap('hostile.datamap.yaml', hostile(table, column));
      expect(parsing).toThrow(PolicyFileError);
      expect(parsing).toThrow(/a plain SQL name/);
    }
  });
});

describe('finding the person', () => {
  it('ORs the identity comparisons, each value a bound parameter, on PostgreSQL', () => {
    const statement = selectRows(postgresDialect, customers, byIdentity, { columns: ['id', 'email'], limit: 11 });
    expect(statement.text).toBe(
      `SELECT "id", "email" FROM "customers" WHERE ("email" = $1 OR lower("name") = $2 OR regexp_replace("phone", '[^0-9]', '', 'g') = $3) ORDER BY "id" LIMIT 11`,
    );
    expect(statement.params).toEqual(['ann@example.org', 'ann', '15550102030']);
  });

  it('compares exactly on MariaDB too, whose collations ignore case and accents', () => {
    const statement = selectRows(mariadbDialect, customers, byIdentity, { columns: ['id'], lock: true });
    expect(statement.text).toBe(
      'SELECT `id` FROM `customers` WHERE ((`email` = ? AND `email` = ? COLLATE utf8mb4_bin)' +
        ' OR (lower(`name`) = ? AND lower(`name`) = ? COLLATE utf8mb4_bin)' +
        " OR (REGEXP_REPLACE(`phone`, '[^0-9]', '') = ? AND REGEXP_REPLACE(`phone`, '[^0-9]', '') = ? COLLATE utf8mb4_bin))" +
        ' FOR UPDATE',
    );
    expect(statement.params).toEqual([
      'ann@example.org',
      'ann@example.org',
      'ann',
      'ann',
      '15550102030',
      '15550102030',
    ]);
  });

  it('follows keys as one array on PostgreSQL and an IN list on MariaDB', () => {
    const pg = countRows(postgresDialect, customers, byKeys);
    expect(pg.text).toBe('SELECT count(*) AS n FROM "customers" WHERE "customer_id" = ANY($1)');
    expect(pg.params).toEqual([[1, 2, 3]]);
    const maria = deleteRows(mariadbDialect, customers, byKeys);
    expect(maria.text).toBe('DELETE FROM `customers` WHERE `customer_id` IN (?, ?, ?)');
    expect(maria.params).toEqual([1, 2, 3]);
  });

  it('cuts a long key list of a table found one way into batches, and never a table found several ways', () => {
    const keys = Array.from({ length: 2500 }, (_, i) => i);
    const single: PersonFilter = { identity: [], follow: [{ column: 'customer_id', keys }] };
    expect(slicesOf(single).map((slice) => slice.follow[0].keys.length)).toEqual([1000, 1000, 500]);
    expect(slicesOf(single).flatMap((slice) => slice.follow[0].keys)).toEqual(keys);
    const several: PersonFilter = { identity: byIdentity.identity, follow: [{ column: 'customer_id', keys }] };
    expect(slicesOf(several)).toEqual([several]);
  });

  it('refuses a statement with no way to find anyone, rather than one that matches every row', () => {
    expect(() => deleteRows(postgresDialect, customers, { identity: [], follow: [] })).toThrow(/needs an identity/);
  });
});

describe('masking and flags', () => {
  const masks = { email: { kind: 'hash' }, phone: { kind: 'null' }, name: { kind: 'text', text: '[erased]' } } as const;

  it('sets each masked column from its own value only, on rows not masked yet, binding in text order', () => {
    const hashes = new Map([['email', [['ann@example.org', 'a'.repeat(64)] as const]]]);
    const statement = maskRows(postgresDialect, customers, byKeys, masks, hashes)!;
    expect(statement.text).toBe(
      'UPDATE "customers" SET "email" = CASE "email" WHEN $1 THEN $2 ELSE "email" END, "phone" = NULL, "name" = $3' +
        ` WHERE "customer_id" = ANY($4) AND (("email" IS NOT NULL AND NOT "email" ~ '^[0-9a-f]{64}$') OR "phone" IS NOT NULL OR "name" <> $5)`,
    );
    expect(statement.params).toEqual(['ann@example.org', 'a'.repeat(64), '[erased]', [1, 2, 3], '[erased]']);
  });

  it('has nothing to set when only hashes are masked and none is left to hash', () => {
    expect(maskRows(mariadbDialect, customers, byKeys, { email: { kind: 'hash' } }, new Map())).toBeNull();
  });

  it('reads the values still to hash, skipping those already hashed', () => {
    const statement = unhashedValues(mariadbDialect, customers, byKeys, 'email');
    expect(statement.text).toBe(
      "SELECT DISTINCT `email` AS v FROM `customers` WHERE `customer_id` IN (?, ?, ?) AND `email` IS NOT NULL AND NOT `email` REGEXP '^[0-9a-f]{64}$'",
    );
  });

  it('sets a sale/share flag only where it differs, null-safe in each dialect', () => {
    const pg = setFlag(postgresDialect, customers, byKeys, { column: 'flag', value: false });
    expect(pg.text).toBe(
      'UPDATE "customers" SET "flag" = $1 WHERE "customer_id" = ANY($2) AND "flag" IS DISTINCT FROM $3',
    );
    expect(pg.params).toEqual([false, [1, 2, 3], false]);
    const maria = setFlag(mariadbDialect, customers, byKeys, { column: 'flag', value: 'no' });
    expect(maria.text).toBe(
      'UPDATE `customers` SET `flag` = ? WHERE `customer_id` IN (?, ?, ?) AND NOT (`flag` <=> ?)',
    );
    expect(maria.params).toEqual(['no', 1, 2, 3, 'no']);
  });
});

import { describe, expect, it } from '@jest/globals';

import { type DatabaseSystem, parseDataMap } from '#policy';

import { schemaProblems } from './check-schema.js';
import type { DatabaseSchema, SchemaColumn } from './schema.js';

const text = (name: string, maxLength: number | null = 200, nullable = true): SchemaColumn => ({
  name,
  type: 'character varying',
  nullable,
  maxLength,
});
const integer = (name: string, nullable = false): SchemaColumn => ({
  name,
  type: 'integer',
  nullable,
  maxLength: null,
});

const schema: DatabaseSchema = {
  kind: 'postgres',
  database: 'shop',
  tables: [
    {
      name: 'customers',
      view: false,
      columns: [integer('id'), text('email'), integer('phone', true), text('full_name', 10, false), text('code', 8)],
      primaryKey: ['id'],
      foreignKeys: [],
    },
    {
      name: 'orders',
      view: false,
      columns: [integer('id'), text('customer_id'), integer('total_cents')],
      primaryKey: ['id'],
      foreignKeys: [],
    },
    {
      name: 'sessions',
      view: false,
      columns: [integer('id'), integer('customer_id')],
      primaryKey: ['id'],
      foreignKeys: [{ column: 'customer_id', table: 'customers', references: 'id' }],
    },
  ],
};

function system(yamlTables: string, optOut = ''): DatabaseSystem {
  const yaml = `organisation: shop
systems:
  - id: shop-db
    name: Shop
    kind: postgres
    connection: SHOP_DB_URL${optOut}
    tables:${yamlTables}`;
  return parseDataMap('shop.datamap.yaml', yaml).systems[0] as DatabaseSystem;
}

describe('checking a data map against the live schema', () => {
  it('names each unknown table and column, and relations whose columns cannot join, by their path in the map', () => {
    const map = system(`
      customers:
        identity: { email: email }
        columns: { id: identifiers, email: contact, nickname: contact }
        erasure: { retain: legal_claims, note: We keep it. }
      orders:
        follow: { customer_id: customers.id }
        columns: { id: identifiers, customer_id: identifiers, total: commercial }
        erasure: { retain: legal_obligation, note: Tax law. }
      invoices:
        follow: { order_id: orders.id }
        columns: { id: identifiers, order_id: identifiers }
        erasure: { retain: legal_obligation, note: Tax law. }
`);
    expect(schemaProblems(map, schema, 'systems[0]')).toEqual([
      { path: 'systems[0].tables.customers.columns.nickname', message: 'no column "nickname" in customers' },
      { path: 'systems[0].tables.orders.columns.total', message: 'no column "total" in orders' },
      {
        path: 'systems[0].tables.orders.follow.customer_id',
        message: 'orders.customer_id is character varying and customers.id is integer: they cannot be joined',
      },
      { path: 'systems[0].tables.invoices', message: 'no table or view "invoices" in database shop' },
    ]);
  });

  it('refuses identity columns that are not text, and masks the column cannot take', () => {
    const map = system(`
      customers:
        identity: { email: email, phone: { kind: phone, compare: digits } }
        columns: { id: identifiers, email: contact, phone: contact, full_name: contact, code: identifiers }
        erasure: { update: { phone: hash, full_name: null, code: hash, email: { text: '[removed at the customer''s request]' } } }
`);
    expect(schemaProblems(map, schema)).toEqual([
      {
        path: 'tables.customers.identity.phone',
        message:
          'is integer: identity columns are compared with what the requester gave as text, so they must hold text',
      },
      {
        path: 'tables.customers.erasure.update.phone',
        message: 'is integer: a keyed hash (64 characters) needs a text column',
      },
      {
        path: 'tables.customers.erasure.update.full_name',
        message: 'is NOT NULL in the database: erasure cannot set it to null',
      },
      {
        path: 'tables.customers.erasure.update.code',
        message: 'holds at most 8 characters: too few for a keyed hash (64 characters)',
      },
    ]);
  });

  it('finds a foreign key into a deleted table that the map does not follow', () => {
    const map = system(`
      customers:
        identity: { email: email }
        columns: { id: identifiers, email: contact }
        erasure: delete
`);
    expect(schemaProblems(map, schema)).toEqual([
      {
        path: 'tables.customers.erasure',
        message:
          'sessions.customer_id refers to customers, and the map does not follow it: deleting rows of customers would be blocked by its rows, or change them unseen',
      },
    ]);
  });

  it('checks the opt-out flag can take its value', () => {
    const map = system(
      `
      customers:
        identity: { email: email }
        columns: { id: identifiers, email: contact }
        erasure: { retain: legal_claims, note: We keep it. }
`,
      '\n    opt_out: { table: customers, column: id, value: false }',
    );
    expect(schemaProblems(map, schema)).toEqual([]);
    const textFlag = system(
      `
      customers:
        identity: { email: email }
        columns: { id: identifiers, email: contact }
        erasure: { retain: legal_claims, note: We keep it. }
`,
      '\n    opt_out: { table: customers, column: id, value: "no" }',
    );
    expect(schemaProblems(textFlag, schema)).toEqual([{ path: 'opt_out.value', message: 'customers.id is integer' }]);
  });
});

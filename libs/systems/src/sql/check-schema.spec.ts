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

  it('checks each data point column is there and holds what its data point is read from', () => {
    const typed = (name: string, type: string): SchemaColumn => ({ name, type, nullable: true, maxLength: null });
    const people: DatabaseSchema = {
      kind: 'postgres',
      database: 'shop',
      tables: [
        {
          name: 'people',
          view: false,
          columns: [
            integer('id'),
            text('email'),
            text('full_name'),
            integer('postal_address', true),
            typed('opted_in', 'boolean'),
            typed('account', 'uuid'),
            typed('born', 'date'),
            typed('seen_at', 'time without time zone'),
            typed('last_order', 'timestamp with time zone'),
          ],
          primaryKey: ['id'],
          foreignKeys: [],
        },
      ],
    };
    const columns = `{ id: identifiers, email: contact, full_name: contact, postal_address: contact, opted_in: inferences,
          account: identifiers, born: identifiers, born_on: identifiers, seen_at: device_online, last_order: commercial }`;
    const map = system(`
      people:
        identity: { email: email }
        columns: ${columns}
        verify: { full_name: full_name, postal_address: postal_address, phone: opted_in, account_number: account,
          date_of_birth: born_on, last_order_date: seen_at }
        erasure: { retain: legal_claims, note: We keep it. }
`);
    expect(schemaProblems(map, people)).toEqual([
      { path: 'tables.people.columns.born_on', message: 'no column "born_on" in people' },
      {
        path: 'tables.people.verify.postal_address',
        message: 'people.postal_address is integer: a postal_address is read from text',
      },
      {
        path: 'tables.people.verify.phone',
        message: 'people.opted_in is boolean: a phone is read from text or a number',
      },
      {
        path: 'tables.people.verify.last_order_date',
        message: 'people.seen_at is time without time zone: a last_order_date is read from a date, a timestamp or text',
      },
    ]);
    const dates = system(`
      people:
        identity: { email: email }
        columns: ${columns}
        verify: { date_of_birth: born, last_order_date: last_order, phone: postal_address, account_number: full_name }
        erasure: { retain: legal_claims, note: We keep it. }
`);
    expect(schemaProblems(dates, people)).toEqual([
      { path: 'tables.people.columns.born_on', message: 'no column "born_on" in people' },
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

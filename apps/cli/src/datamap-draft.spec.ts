import { describe, expect, it } from '@jest/globals';

import { type DatabaseSystem, parseDataMap, PolicyFileError } from '#policy';
import type { DatabaseSchema, SchemaColumn } from '#systems';

import { draftDataMap, environmentNameFor } from './datamap-draft.js';

const column = (name: string, type = 'integer'): SchemaColumn => ({ name, type, nullable: true, maxLength: null });

const schema: DatabaseSchema = {
  kind: 'postgres',
  database: 'shop',
  tables: [
    {
      name: 'customers',
      view: false,
      columns: [
        'id',
        'email',
        'mobile_number',
        'first_name',
        'street_address',
        'dob',
        'loyalty_tier',
        'referred_by',
      ].map((name) => column(name)),
      primaryKey: ['id'],
      foreignKeys: [{ column: 'referred_by', table: 'customers', references: 'id' }],
    },
    {
      name: 'orders',
      view: false,
      columns: [column('order_no'), column('customer_id'), column('ip_address', 'inet')],
      primaryKey: ['order_no'],
      foreignKeys: [{ column: 'customer_id', table: 'customers', references: 'id' }],
    },
    {
      name: 'order_notes',
      view: false,
      columns: [column('order_no'), column('line'), column('note', 'text')],
      primaryKey: ['order_no', 'line'],
      foreignKeys: [{ column: 'order_no', table: 'orders', references: 'order_no' }],
    },
    { name: 'products', view: false, columns: [column('id'), column('title')], primaryKey: ['id'], foreignKeys: [] },
    {
      name: 'big_spenders',
      view: true,
      columns: [column('id'), column('email')],
      primaryKey: [],
      foreignKeys: [],
    },
  ],
};

function filledIn(yaml: string): string {
  return yaml
    .replace('organisation: FILL_IN', 'organisation: shop')
    .replaceAll('erasure: FILL_IN', 'erasure: delete')
    .replaceAll('FILL_IN', 'identifiers');
}

describe('drafting a data map from a schema', () => {
  const draft = draftDataMap(schema);

  it('is refused by the validator until its placeholders are filled in, and parses after', () => {
    expect(() => parseDataMap('shop.datamap.yaml', draft.yaml)).toThrow(PolicyFileError);
    const system = parseDataMap('shop.datamap.yaml', filledIn(draft.yaml)).systems[0] as DatabaseSystem;
    expect(system).toMatchObject({ id: 'shop', kind: 'postgres', connection: 'SHOP_DB_URL' });
    expect(system.tables.map((table) => table.name)).toEqual(['customers', 'orders', 'order_notes']);
  });

  it('guesses contact details from column names, marks each guess, and makes email and phone identity columns', () => {
    const system = parseDataMap('shop.datamap.yaml', filledIn(draft.yaml)).systems[0] as DatabaseSystem;
    const customers = system.tables[0];
    expect(customers.columns).toEqual({
      id: 'identifiers',
      email: 'contact',
      mobile_number: 'contact',
      first_name: 'contact',
      street_address: 'contact',
      dob: 'identifiers',
      loyalty_tier: 'identifiers', // was FILL_IN
      referred_by: 'identifiers',
    });
    expect(customers.identity).toEqual([
      { column: 'email', kind: 'email', compare: 'lower' },
      { column: 'mobile_number', kind: 'phone', compare: 'digits' },
    ]);
    expect(draft.yaml).toContain('email: contact # guessed: email address');
    expect(draft.yaml).toContain('dob: identifiers # guessed: date of birth');
    expect(draft.yaml).toMatch(/loyalty_tier: FILL_IN\n/);
  });

  it('follows foreign keys (not a table to itself), keys tables by their primary key, leaves out what no identity reaches', () => {
    const system = parseDataMap('shop.datamap.yaml', filledIn(draft.yaml)).systems[0] as DatabaseSystem;
    const [customers, orders, notes] = system.tables;
    expect(customers.relations).toEqual([]);
    expect(orders).toMatchObject({
      key: 'order_no',
      relations: [{ column: 'customer_id', table: 'customers', references: 'id' }],
    });
    expect(notes).toMatchObject({
      key: 'order_no',
      relations: [{ column: 'order_no', table: 'orders', references: 'order_no' }],
    });
    expect(draft.yaml).toContain('Left out, reached by no identity column through foreign keys: products.');
    expect(draft.yaml).not.toContain('big_spenders');
    expect(draft).toMatchObject({ tables: 3, placeholders: 1 + 3 + 3 + 3 + 3 });
  });

  it('says what to annotate at the top, and names the connection by an environment variable', () => {
    expect(draft.yaml.split('\n')[0]).toBe(
      '# Draft data map of database "shop", read from its schema by `rightsdesk datamap draft`.',
    );
    expect(draft.yaml).toContain('connection: SHOP_DB_URL');
    expect(environmentNameFor('crm-2024')).toBe('CRM_2024_DB_URL');
    expect(environmentNameFor('2024crm')).toBe('DB_2024CRM_URL');
  });
});

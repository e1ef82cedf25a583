import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';

import { parseDataMap } from './datamap.validator.js';
import { PolicyFileError } from './policy-file-error.js';

type Doc = Record<string, any>;

function shop(): Doc {
  return {
    organisation: 'acme',
    systems: [
      {
        id: 'shop',
        name: 'Shop',
        kind: 'postgres',
        connection: 'ACME_SHOP_URL',
        tables: {
          customers: {
            identity: { email: 'email', phone: { kind: 'phone', compare: 'digits' } },
            columns: { id: 'identifiers', email: 'contact', phone: 'contact', full_name: 'contact' },
            verify: { full_name: 'full_name', phone: 'phone' },
            erasure: { update: { email: null, phone: 'hash' } },
          },
          orders: {
            follow: { customer_id: 'customers.id' },
            columns: { id: 'identifiers', customer_id: 'identifiers', placed_on: 'commercial' },
            verify: { last_order_date: 'placed_on' },
            erasure: { retain: 'legal_obligation', note: 'Tax law.' },
          },
          order_items: {
            follow: { order_id: 'orders.id' },
            columns: { id: 'identifiers', order_id: 'identifiers', product: 'commercial' },
            erasure: 'delete',
          },
        },
      },
      { id: 'archive', name: 'Archive', kind: 'manual', tasks: ['Search the boxes'], categories: ['contact'] },
    ],
  };
}

function problems(doc: Doc): string[] {
  try {
    parseDataMap('acme.datamap.yaml', stringify(doc));
    return [];
  } catch (error) {
    if (!(error instanceof PolicyFileError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

describe('parseDataMap', () => {
  it('reads a sound map with its defaults: key id, exact comparison, masks by kind', () => {
    const map = parseDataMap('acme.datamap.yaml', stringify(shop()));
    const shopSystem = map.systems[0];
    if (shopSystem.kind !== 'postgres') throw new Error('expected the database first');
    const customers = shopSystem.tables[0];
    expect(customers.key).toBe('id');
    expect(customers.identity).toEqual([
      { column: 'email', kind: 'email', compare: 'exact' },
      { column: 'phone', kind: 'phone', compare: 'digits' },
    ]);
    expect(customers.erasure).toEqual({
      action: 'update',
      columns: { email: { kind: 'null' }, phone: { kind: 'hash' } },
    });
    expect(customers.verify).toEqual({ full_name: 'full_name', phone: 'phone' });
    expect(shopSystem.tables[1].verify).toEqual({ last_order_date: 'placed_on' });
    expect(shopSystem.tables[2].verify).toEqual({});
    expect(shopSystem.tables[2].relations).toEqual([{ column: 'order_id', table: 'orders', references: 'id' }]);
    expect(map.systems[1]).toMatchObject({ kind: 'manual', tasks: ['Search the boxes'], purposes: [] });
  });

  it.each([
    [
      'an identifier with a quote',
      (d: Doc) => (d.systems[0].tables['cust"omers'] = d.systems[0].tables.customers),
      'is not a plain SQL name',
    ],
    [
      'an unknown category',
      (d: Doc) => (d.systems[0].tables.customers.columns.email = 'gossip'),
      'is not one of contact',
    ],
    [
      'an identity column not listed',
      (d: Doc) => (d.systems[0].tables.customers.identity.account = 'account_id'),
      'is not a column listed under columns',
    ],
    [
      'a relation to an unknown table',
      (d: Doc) => (d.systems[0].tables.orders.follow.customer_id = 'people.id'),
      '"people" is not a table of this system',
    ],
    [
      'a relation to an unknown column',
      (d: Doc) => (d.systems[0].tables.orders.follow.customer_id = 'customers.uuid'),
      '"uuid" is not a column listed under customers.columns',
    ],
    [
      'an unknown exemption',
      (d: Doc) => (d.systems[0].tables.orders.erasure.retain = 'we_like_it'),
      'is not one of complete_transaction',
    ],
    [
      'a retained table without a note',
      (d: Doc) => delete d.systems[0].tables.orders.erasure.note,
      'orders.erasure.note: is required',
    ],
    [
      'a connection that is not a variable name',
      (d: Doc) => (d.systems[0].connection = 'postgres://u:p@h/db'),
      'is not an environment variable name',
    ],
    [
      'a data point kind that does not exist',
      (d: Doc) => (d.systems[0].tables.customers.verify.shoe_size = 'full_name'),
      'systems[0].tables.customers.verify.shoe_size: is not a data point kind (expected one of full_name, phone,',
    ],
    [
      'a data point in a column not listed',
      (d: Doc) => (d.systems[0].tables.orders.verify.postal_address = 'shipping_address'),
      'systems[0].tables.orders.verify.postal_address: "shipping_address" is not a column listed under columns',
    ],
    [
      'a data point without its column',
      (d: Doc) => (d.systems[0].tables.orders.verify.last_order_date = null),
      'systems[0].tables.orders.verify.last_order_date: expected text, got nothing',
    ],
    [
      'data points that are not a mapping',
      (d: Doc) => (d.systems[0].tables.orders.verify = ['placed_on']),
      'systems[0].tables.orders.verify: expected a mapping, got a list',
    ],
    ['a repeated system id', (d: Doc) => (d.systems[1].id = 'shop'), 'is used by an earlier system'],
    ['a manual system without tasks', (d: Doc) => (d.systems[1].tasks = []), 'must list at least one entry'],
  ])('refuses %s, naming the path', (_name, change, message) => {
    const doc = shop();
    change(doc);
    expect(problems(doc).join('\n')).toContain(message);
  });

  it('refuses deleting a table that a kept table refers to', () => {
    const doc = shop();
    doc.systems[0].tables.customers.erasure = 'delete';
    expect(problems(doc)).toContain(
      'systems[0].tables.orders.follow.customer_id: customers is deleted while orders keeps rows that refer to it: retain or update customers, or delete orders too',
    );
  });

  it('refuses a table nothing reaches, and relations that loop', () => {
    const doc = shop();
    doc.systems[0].tables.audit = { columns: { id: 'identifiers' }, erasure: 'delete' };
    expect(problems(doc).join('\n')).toContain('systems[0].tables.audit: is reached by no identity column');
    const loop = shop();
    loop.systems[0].tables.orders.follow = { customer_id: 'customers.id', id: 'order_items.order_id' };
    expect(problems(loop).join('\n')).toContain('relations loop through orders, order_items');
  });

  it('refuses a system with no identity column at all', () => {
    const doc = shop();
    delete doc.systems[0].tables.customers.identity;
    expect(problems(doc).join('\n')).toContain('no table has an identity column');
  });

  it('says what is wrong with text that is not YAML', () => {
    expect(() => parseDataMap('x.datamap.yaml', 'systems: [')).toThrow(/is not valid YAML/);
  });
});

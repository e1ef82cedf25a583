import { type DatabaseSystem, parseDataMap } from '#policy';

import type { ScratchDatabase, ScratchKind } from './scratch-databases.js';

/**
 * A customer's shop database in SQL both PostgreSQL and MariaDB run: a person spread over customers → orders →
 * order_items, customers → messages and customers → tickets, every foreign key ON DELETE RESTRICT so that erasing
 * a parent before its children fails. Products are no one's data: order_items refers to them, no map follows them.
 */
export const SHOP_SCHEMA = `
CREATE TABLE customers (
  id INTEGER PRIMARY KEY, email VARCHAR(200), phone VARCHAR(40), full_name VARCHAR(200), date_of_birth DATE,
  sale_share_allowed BOOLEAN NOT NULL DEFAULT TRUE);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total_cents INTEGER NOT NULL, placed_on DATE NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT);
CREATE TABLE products (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);
CREATE TABLE order_items (
  id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, product_id INTEGER NOT NULL, quantity INTEGER NOT NULL,
  FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT,
  FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, subject VARCHAR(200), body TEXT,
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT);
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY, customer_id INTEGER, email VARCHAR(200), summary TEXT,
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT);
`;

/**
 * Ann (customer 1) in every table, one ticket of hers filed before she had an account (no customer id, her email in
 * capitals); Bob (customer 2), whom nothing done for Ann may touch.
 */
export const SHOP_PEOPLE = `
INSERT INTO customers (id, email, phone, full_name, date_of_birth) VALUES
  (1, 'ann@example.org', '+1 (555) 010-2030', 'Ann Example', '1990-05-01'),
  (2, 'bob@example.org', '+44 20 7946 0000', 'Bob Other', '1985-12-31');
INSERT INTO products (id, title) VALUES (1, 'Kettle'), (2, 'Teapot');
INSERT INTO orders (id, customer_id, total_cents, placed_on) VALUES
  (10, 1, 2500, '2024-03-01'), (11, 1, 1200, '2024-04-02'), (12, 2, 900, '2024-04-03');
INSERT INTO order_items (id, order_id, product_id, quantity) VALUES
  (100, 10, 1, 1), (101, 10, 2, 2), (102, 11, 2, 1), (103, 12, 1, 1);
INSERT INTO messages (id, customer_id, subject, body) VALUES
  (200, 1, 'Delivery', 'Please leave it with the neighbour'), (201, 1, 'Refund', 'The teapot was chipped'),
  (202, 2, 'Hello', 'Bob writes');
INSERT INTO tickets (id, customer_id, email, summary) VALUES
  (300, 1, 'ann@example.org', 'Late delivery'), (301, NULL, 'ANN@EXAMPLE.ORG', 'Question before signing up'),
  (302, 2, 'bob@example.org', 'Bob asks');
`;

export const ANN = { email: 'ann@example.org', phone: '+15550102030' };
export const BOB = { email: 'bob@example.org' };

/** How each table is erased, by table: the rest of the map stays the same. */
export type ShopErasure = Record<'customers' | 'orders' | 'order_items' | 'messages' | 'tickets', string>;

export const DELETE_EVERYTHING: ShopErasure = {
  customers: 'delete',
  orders: 'delete',
  order_items: 'delete',
  messages: 'delete',
  tickets: 'delete',
};

/** Keeps the orders for the tax authority, masks what it may, deletes the order lines. */
export const KEEP_ORDERS: ShopErasure = {
  customers: "{ update: { email: hash, phone: null, full_name: { text: '[erased]' } } }",
  orders: '{ retain: legal_obligation, note: Tax law requires us to keep order records for seven years. }',
  order_items: 'delete',
  messages: "{ update: { subject: { text: '[removed]' }, body: null } }",
  tickets: '{ update: { summary: hash } }',
};

export function shopMapYaml(
  kind: ScratchKind,
  erasure: ShopErasure = DELETE_EVERYTHING,
  options: { without?: string[] } = {},
): string {
  const tables: Record<string, string> = {
    customers: `
      customers:
        identity:
          email: email
          phone: { kind: phone, compare: digits }
        columns: { id: identifiers, email: contact, phone: contact, full_name: contact, date_of_birth: identifiers, sale_share_allowed: inferences }
        erasure: ${erasure.customers}`,
    orders: `
      orders:
        follow: { customer_id: customers.id }
        columns: { id: identifiers, customer_id: identifiers, total_cents: commercial, placed_on: commercial }
        erasure: ${erasure.orders}`,
    order_items: `
      order_items:
        follow: { order_id: orders.id }
        columns: { id: identifiers, order_id: identifiers, quantity: commercial }
        erasure: ${erasure.order_items}`,
    messages: `
      messages:
        follow: { customer_id: customers.id }
        columns: { id: identifiers, customer_id: identifiers, subject: communications, body: communications }
        erasure: ${erasure.messages}`,
    tickets: `
      tickets:
        identity: { email: { kind: email, compare: lower } }
        follow: { customer_id: customers.id }
        columns: { id: identifiers, customer_id: identifiers, email: contact, summary: communications }
        erasure: ${erasure.tickets}`,
  };
  const kept = Object.entries(tables).filter(([name]) => !options.without?.includes(name));
  return `organisation: scratch-shop
systems:
  - id: shop-db
    name: Shop database
    kind: ${kind}
    connection: SHOP_DB_URL
    opt_out: { table: customers, column: sale_share_allowed, value: false }
    tables:${kept.map(([, text]) => text).join('')}
`;
}

/** The shop's system, through the real data map parser. */
export function shopSystem(kind: ScratchKind, erasure?: ShopErasure, options?: { without?: string[] }): DatabaseSystem {
  return parseDataMap('shop.datamap.yaml', shopMapYaml(kind, erasure, options)).systems[0] as DatabaseSystem;
}

export async function createShop(database: ScratchDatabase): Promise<void> {
  await database.exec(SHOP_SCHEMA);
  await database.exec(SHOP_PEOPLE);
}

/** Every row of every shop table, in a fixed order: compared before and after to show nothing else changed. */
export async function snapshot(database: ScratchDatabase): Promise<Record<string, unknown[]>> {
  const tables = ['customers', 'orders', 'products', 'order_items', 'messages', 'tickets'];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await database.rows(`SELECT * FROM ${table} ORDER BY id`);
  return rows;
}

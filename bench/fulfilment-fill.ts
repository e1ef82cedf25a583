import pg from 'pg';

import { demoSchema, MARKER_TABLE } from '../apps/cli/src/demo/demo-schema.js';
import { step } from './scratch-database.js';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The marker's version for this layout: a database filled by another layout (or the demo generator) is rebuilt. */
const LAYOUT = 9001;

/** Per person: 1 customer, 2 orders of 2 items each, 2 messages and 1 ticket, 10 rows in all. */
const FILL = [
  `INSERT INTO customers (id, email, phone, full_name, postal_address, date_of_birth, created_at)
    SELECT g, 'person' || g || '@bench.example', '+1' || (2000000000 + g), 'Person ' || g, g || ' Bench Street',
      date '1950-01-01' + g % 20000, now() - g % 5000 * interval '1 hour'
    FROM generate_series(1, $1::int) g`,
  `INSERT INTO orders (id, customer_id, placed_at, status, total_cents, shipping_address)
    SELECT (c - 1) * 2 + k, c, now() - (c % 900 + k) * interval '1 day', 'shipped', 1000 + c % 5000, c || ' Bench Street'
    FROM generate_series(1, $1::int) c, generate_series(1, 2) k`,
  `INSERT INTO order_items (id, order_id, product, quantity, unit_price_cents)
    SELECT (o - 1) * 2 + k, o, 'Product ' || o % 50, 1 + o % 3, 500 + o % 100 * 10
    FROM generate_series(1, $1::int * 2) o, generate_series(1, 2) k`,
  `INSERT INTO messages (id, customer_id, sent_at, channel, subject, body)
    SELECT (c - 1) * 2 + k, c, now() - (c % 700 + k) * interval '1 day', 'email', 'Your order', 'Hello Person ' || c
    FROM generate_series(1, $1::int) c, generate_series(1, 2) k`,
  `INSERT INTO tickets (id, customer_id, opened_at, subject, description, status)
    SELECT c, c, now() - c % 400 * interval '1 day', 'Delivery question', 'Where is my order, asks Person ' || c, 'open'
    FROM generate_series(1, $1::int) c`,
];

export const benchEmail = (id: number) => `person${id}@bench.example`;

/**
 * A demo-shaped database of `people` (the demo generator's tables, keys and indexes), kept between runs under a name
 * that says its size: a second run with the same size reuses it. Filled by INSERT … SELECT generate_series with the
 * foreign-key triggers off (the rows are consistent by construction), the indexes built after the rows.
 */
export async function demoShapedDatabase(people: number): Promise<string> {
  const name = `rightsdesk_bench_fulfilment_${people}`;
  const url = `${SERVER_URL}/${name}`;
  const server = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await server.connect();
  try {
    const exists = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 1) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const marker = await client
        .query(`SELECT people, version FROM ${MARKER_TABLE}`)
        .then((r) => r.rows[0] as { people: number; version: number } | undefined)
        .catch(() => undefined)
        .finally(() => client.end());
      if (marker?.people === people && marker.version === LAYOUT) {
        console.log(`  reusing ${name}`);
        return url;
      }
      await server.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await server.query(`CREATE DATABASE "${name}"`);
  } finally {
    await server.end();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const schema = demoSchema('postgres');
    const tables = schema.filter((s) => s.startsWith('CREATE TABLE'));
    const indexes = schema.filter((s) => !s.startsWith('CREATE TABLE'));
    for (const statement of tables) await client.query(statement);
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await step(`fill ${people.toLocaleString('en')} people (${(people * 10).toLocaleString('en')} rows)`, async () => {
      for (const statement of FILL) await client.query(statement, [people]);
    });
    await step('build the demo indexes', async () => {
      for (const statement of indexes) await client.query(statement);
    });
    await step('vacuum analyze', () => client.query('VACUUM ANALYZE'));
    await client.query(`INSERT INTO ${MARKER_TABLE} (version, people, made_at) VALUES ($1, $2, now())`, [
      LAYOUT,
      people,
    ]);
  } finally {
    await client.end();
  }
  return url;
}

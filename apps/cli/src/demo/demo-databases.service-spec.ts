import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { type DatabaseKind, isDatabaseSystem } from '#policy';
import { checkLiveSchema, closeDatabasePools, findHeldDataPoints } from '#systems';

import { dropDatabase, uniqueRunName } from '../../../../test/support/run-storage.js';
import { type DemoDatabaseResult, fillDemoDatabases } from './demo-databases.js';
import { seedDataMaps } from './demo-environment.js';
import { DEMO_PERSON, PHONE_ONLY_PERSON } from './demo-persons.js';
import { DEMO_TABLES } from './demo-rows.js';
import { type DemoTarget, openDemoTarget } from './demo-target.js';

const run = uniqueRunName();
const databases = [
  { organisation: 'prontotrak', kind: 'postgres' as const, url: `postgres://postgres@127.0.0.1:5432/rd_demo_${run}` },
  {
    organisation: 'securus-technologies',
    kind: 'mysql' as const,
    url: `mysql://root@127.0.0.1:3306/rd_demo_${run}`,
  },
];
const settings = { people: 40, countryOf: () => 'US' };

async function withTarget<T>(kind: DatabaseKind, url: string, use: (t: DemoTarget) => Promise<T>): Promise<T> {
  const target = await openDemoTarget(kind, url);
  try {
    return await use(target);
  } finally {
    await target.close();
  }
}

async function counts(target: DemoTarget): Promise<number[]> {
  const found: number[] = [];
  for (const table of DEMO_TABLES) found.push(Number((await target.query(`SELECT count(*) AS n FROM ${table}`))[0]!.n));
  return found;
}

describe.each(databases)('the demo database of $organisation on $kind', ({ organisation, kind, url }) => {
  let first: DemoDatabaseResult[];

  beforeAll(async () => {
    first = await fillDemoDatabases([{ organisation, kind, url }], settings);
  }, 60_000);

  afterAll(async () => {
    await closeDatabasePools();
    if (kind === 'postgres') await dropDatabase(url);
    else await withTarget(kind, url, (t) => t.query(`DROP DATABASE rd_demo_${run}`));
  });

  it('is made with the demo persons and the generated people, and a second run changes nothing', async () => {
    expect(first[0]!.outcome).toEqual({
      state: 'created',
      counts: expect.objectContaining({ customers: 42 }) as unknown,
    });
    expect(first[0]!.where).toBe(`rd_demo_${run} on 127.0.0.1:${kind === 'postgres' ? 5432 : 3306}`);
    const before = await withTarget(kind, url, counts);
    const second = await fillDemoDatabases([{ organisation, kind, url }], { ...settings, people: 80 });
    expect(second[0]!.outcome).toEqual({ state: 'unchanged', people: 40 });
    expect(await withTarget(kind, url, counts)).toEqual(before);
  });

  it('holds both demo persons in every table, found as a connector would: email exactly, phone by digits', async () => {
    await withTarget(kind, url, async (target) => {
      const p = target.placeholder(1);
      const digits =
        kind === 'postgres' ? `regexp_replace(phone, '\\D', '', 'g')` : `regexp_replace(phone, '[^0-9]', '')`;
      const [jordan] = await target.query(`SELECT id FROM customers WHERE email = ${p}`, [DEMO_PERSON.email]);
      const [riley] = await target.query(`SELECT id FROM customers WHERE ${digits} = ${p}`, ['14155550199']);
      expect([jordan?.id, riley?.id]).toEqual([1, 2]);
      expect(
        await target.query(`SELECT full_name FROM customers WHERE phone = ${p}`, [PHONE_ONLY_PERSON.phone]),
      ).toEqual([]);
      for (const id of [1, 2]) {
        const rows = await target.query(
          `SELECT (SELECT count(*) FROM orders WHERE customer_id = ${p}) AS orders,
             (SELECT count(*) FROM order_items JOIN orders ON orders.id = order_items.order_id
               WHERE orders.customer_id = ${target.placeholder(2)}) AS items,
             (SELECT count(*) FROM messages WHERE customer_id = ${target.placeholder(3)}) AS messages,
             (SELECT count(*) FROM tickets WHERE customer_id = ${target.placeholder(4)}) AS tickets`,
          [id, id, id, id],
        );
        expect(Object.values(rows[0]!).map(Number)).toEqual(id === 1 ? [2, 5, 3, 2] : [1, 1, 1, 1]);
      }
    });
  });

  it('has real foreign keys: a customer with orders cannot be deleted before them', async () => {
    await withTarget(kind, url, async (target) => {
      await expect(target.query('DELETE FROM customers WHERE id = 1')).rejects.toThrow(/foreign key/i);
      await expect(
        target.query(
          "INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES (999999, 'x', 1, 1)",
        ),
      ).rejects.toThrow(/foreign key/i);
    });
  });

  it('holds the demo person’s data points where the seed data map says, to match a requester’s identity on', async () => {
    const system = seedDataMaps('seeds')
      .find((map) => map.organisation === organisation)!
      .systems.find(isDatabaseSystem)!;
    expect(await checkLiveSchema(system, url)).toEqual({ reachable: true, problems: [] });
    const env = { [system.connection]: url };
    const held = await findHeldDataPoints(
      { system, env },
      { email: DEMO_PERSON.email },
      { timeZone: 'America/Chicago' },
    );
    expect(held).toEqual({
      personFound: true,
      values: {
        full_name: [DEMO_PERSON.fullName],
        phone: [DEMO_PERSON.storedPhone],
        postal_address: [DEMO_PERSON.postalAddress],
        date_of_birth: [DEMO_PERSON.dateOfBirth],
        last_order_date: ['2025-03-14', '2025-09-02'],
      },
    });
  });

  it('has every table and column the seed data maps map, and indexes on the identity and relation columns', async () => {
    const system = seedDataMaps('seeds')
      .find((map) => map.organisation === organisation)!
      .systems.find(isDatabaseSystem)!;
    await withTarget(kind, url, async (target) => {
      const schema = kind === 'postgres' ? 'current_schema()' : 'database()';
      const columns = await target.query(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = ${schema}`,
      );
      const present = new Set(columns.map((row) => `${String(row.t)}.${String(row.c)}`));
      const mapped = system.tables.flatMap((table) => Object.keys(table.columns).map((c) => `${table.name}.${c}`));
      expect(mapped.filter((column) => !present.has(column))).toEqual([]);
      const indexed =
        kind === 'postgres'
          ? await target.query(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`)
          : await target.query(
              `SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = database()`,
            );
      expect(indexed.map((row) => String(row.name))).toEqual(
        expect.arrayContaining([
          'customers_email',
          'customers_phone',
          'orders_customer_id',
          'order_items_order_id',
          'messages_customer_id',
          'tickets_customer_id',
        ]),
      );
    });
  });
});

describe('a demo database that cannot be reached', () => {
  it('is reported, without the password of its URL, and the others are made all the same', async () => {
    const url = `postgres://postgres@127.0.0.1:5432/rd_demo_${run}_reached`;
    const results = await fillDemoDatabases(
      [
        { organisation: 'prontotrak', kind: 'mysql', url: 'mysql://root:s3cret-pass@127.0.0.1:1/nowhere' },
        { organisation: 'prontotrak', kind: 'postgres', url },
      ],
      { ...settings, people: 0 },
    );
    try {
      expect(results.map((r) => r.outcome.state)).toEqual(['failed', 'created']);
      expect(JSON.stringify(results)).not.toContain('s3cret-pass');
    } finally {
      await dropDatabase(url);
    }
  });
});

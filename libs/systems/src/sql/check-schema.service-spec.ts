import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  closedPort,
  createScratchDatabase,
  type ScratchDatabase,
  type ScratchKind,
} from '../../../../test/support/scratch-databases.js';
import { createShop, DELETE_EVERYTHING, KEEP_ORDERS, shopSystem } from '../../../../test/support/shop-database.js';
import { checkSchema } from './check-schema.js';
import { readDatabaseSchema } from './schema.js';
import { closeDatabasePools } from './sessions.js';

describe.each<ScratchKind>(['postgres', 'mysql'])('reading and checking a live %s schema', (kind) => {
  let shop: ScratchDatabase;
  const env = () => ({ SHOP_DB_URL: shop.url });

  beforeAll(async () => {
    shop = await createScratchDatabase(kind, 'schema');
    await createShop(shop);
  });

  afterAll(async () => {
    await closeDatabasePools();
    await shop?.drop();
  });

  it('reads tables, columns, primary keys and foreign keys', async () => {
    const schema = await readDatabaseSchema(kind, shop.url);
    expect(schema.database).toBe(shop.name);
    expect(schema.tables.map((table) => table.name).sort()).toEqual([
      'customers',
      'messages',
      'order_items',
      'orders',
      'products',
      'tickets',
    ]);
    const items = schema.tables.find((table) => table.name === 'order_items')!;
    expect(items.columns.map((column) => column.name)).toEqual(['id', 'order_id', 'product_id', 'quantity']);
    expect(items.primaryKey).toEqual(['id']);
    expect(items.foreignKeys).toEqual(
      expect.arrayContaining([
        { column: 'order_id', table: 'orders', references: 'id' },
        { column: 'product_id', table: 'products', references: 'id' },
      ]),
    );
    const email = schema.tables.find((table) => table.name === 'customers')!.columns.find((c) => c.name === 'email');
    expect(email).toEqual({
      name: 'email',
      type: kind === 'postgres' ? 'character varying' : 'varchar',
      nullable: true,
      maxLength: 200,
    });
  });

  it('finds nothing wrong with a map that fits', async () => {
    expect(await checkSchema(shopSystem(kind, DELETE_EVERYTHING), env(), 'systems[0]')).toEqual([]);
    expect(await checkSchema(shopSystem(kind, KEEP_ORDERS), env(), 'systems[0]')).toEqual([]);
  });

  it('names what does not fit, by its path in the map', async () => {
    const system = shopSystem(kind, DELETE_EVERYTHING, { without: ['tickets'] });
    const misfit = {
      ...system,
      tables: system.tables.map((table) => {
        if (table.name === 'orders') return { ...table, columns: { ...table.columns, coupon: 'commercial' as const } };
        if (table.name === 'messages')
          return { ...table, relations: [{ column: 'subject', table: 'customers', references: 'id' }] };
        return table;
      }),
    };
    expect(await checkSchema(misfit, env(), 'systems[0]')).toEqual([
      {
        path: 'systems[0].tables.customers.erasure',
        message: expect.stringMatching(/^messages\.customer_id refers to customers, and the map does not follow it/),
      },
      {
        path: 'systems[0].tables.customers.erasure',
        message: expect.stringMatching(/^tickets\.customer_id refers to customers, and the map does not follow it/),
      },
      { path: 'systems[0].tables.orders.columns.coupon', message: 'no column "coupon" in orders' },
      {
        path: 'systems[0].tables.messages.follow.subject',
        message: expect.stringMatching(
          /^messages\.subject is (character varying|varchar) and customers\.id is (integer|int)/,
        ),
      },
    ]);
  });

  it('reports a database it cannot reach as one problem, without the password', async () => {
    const url = `${kind === 'postgres' ? 'postgres' : 'mysql'}://someone:S3cret-pw@127.0.0.1:${await closedPort()}/x`;
    const problems = await checkSchema(shopSystem(kind), { SHOP_DB_URL: url }, 'systems[0]');
    expect(problems).toEqual([
      { path: 'systems[0]', message: expect.stringMatching(/^the schema cannot be read: unreachable: /) },
    ]);
    expect(JSON.stringify(problems)).not.toContain('S3cret-pw');
    expect(await checkSchema(shopSystem(kind), {}, 'systems[0]')).toEqual([
      { path: 'systems[0].connection', message: 'environment variable SHOP_DB_URL is not set' },
    ]);
  });
});

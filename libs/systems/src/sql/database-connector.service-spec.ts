import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { DatabaseSystem } from '#policy';
import type { FulfilmentPurpose, RequesterIdentity } from '#workflow';

import {
  closedPort,
  createScratchDatabase,
  type ScratchDatabase,
  type ScratchKind,
} from '../../../../test/support/scratch-databases.js';
import {
  ANN,
  BOB,
  createShop,
  DELETE_EVERYTHING,
  KEEP_ORDERS,
  shopSystem,
  snapshot,
} from '../../../../test/support/shop-database.js';
import { SystemError } from '../connector.js';
import { DatabaseConnector, type DatabaseConnectorOptions } from './database-connector.js';
import { closeDatabasePools } from './sessions.js';

const MASK_KEY = 'scratch-shop-mask-key';
const hmac = (value: string) => createHmac('sha256', MASK_KEY).update(value).digest('hex');

function runFor(purpose: FulfilmentPurpose, identity: RequesterIdentity) {
  return { taskId: 'task-1', purpose, identity, requestReference: 'R-TEST', organisationName: 'Scratch Shop' };
}

/** The SystemError a run rejects with (failing the test when it resolves or throws anything else). */
async function failureOf(promise: Promise<unknown>): Promise<SystemError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SystemError);
  return error as SystemError;
}

describe.each<ScratchKind>(['postgres', 'mysql'])('the database connector on %s', (kind) => {
  const databases: ScratchDatabase[] = [];
  let shared: ScratchDatabase;

  /** A shop of the test's own, for a test that writes. */
  async function freshShop(): Promise<ScratchDatabase> {
    const database = await createScratchDatabase(kind, 'shop');
    databases.push(database);
    await createShop(database);
    return database;
  }

  function connector(database: ScratchDatabase, system: DatabaseSystem, options: DatabaseConnectorOptions = {}) {
    return new DatabaseConnector({ system, env: { SHOP_DB_URL: database.url } }, { maskKey: MASK_KEY, ...options });
  }

  const flag = (value: boolean) => (kind === 'postgres' ? value : Number(value));

  beforeAll(async () => {
    shared = await freshShop();
  });

  afterAll(async () => {
    await closeDatabasePools();
    for (const database of databases) await database.drop();
  });

  it('finds a person spread over five related tables: every mapped column of every row, and nothing else', async () => {
    const outcome = await connector(shared, shopSystem(kind)).run(runFor('access', ANN));
    expect(outcome).toEqual({
      state: 'done',
      counts: {
        customers: { found: 1 },
        orders: { found: 2 },
        order_items: { found: 3 },
        messages: { found: 2 },
        tickets: { found: 2 },
      },
      findings: [
        {
          table: 'customers',
          rows: [
            {
              id: 1,
              email: 'ann@example.org',
              phone: '+1 (555) 010-2030',
              full_name: 'Ann Example',
              date_of_birth: '1990-05-01',
              sale_share_allowed: flag(true),
            },
          ],
        },
        {
          table: 'orders',
          rows: [
            { id: 10, customer_id: 1, total_cents: 2500, placed_on: '2024-03-01' },
            { id: 11, customer_id: 1, total_cents: 1200, placed_on: '2024-04-02' },
          ],
        },
        {
          table: 'order_items',
          rows: [
            { id: 100, order_id: 10, quantity: 1 },
            { id: 101, order_id: 10, quantity: 2 },
            { id: 102, order_id: 11, quantity: 1 },
          ],
        },
        {
          table: 'messages',
          rows: [
            { id: 200, customer_id: 1, subject: 'Delivery', body: 'Please leave it with the neighbour' },
            { id: 201, customer_id: 1, subject: 'Refund', body: 'The teapot was chipped' },
          ],
        },
        {
          table: 'tickets',
          rows: [
            { id: 300, customer_id: 1, email: 'ann@example.org', summary: 'Late delivery' },
            { id: 301, customer_id: null, email: 'ANN@EXAMPLE.ORG', summary: 'Question before signing up' },
          ],
        },
      ],
    });
  });

  it('finds nobody for a person who is not there: every count 0, no findings', async () => {
    const outcome = await connector(shared, shopSystem(kind)).run(
      runFor('access', { email: 'nobody@example.org', phone: '+15559990000' }),
    );
    expect(outcome).toEqual({
      state: 'done',
      counts: {
        customers: { found: 0 },
        orders: { found: 0 },
        order_items: { found: 0 },
        messages: { found: 0 },
        tickets: { found: 0 },
      },
      findings: [],
    });
  });

  it('finds a person by phone alone, comparing digits with a formatted stored number', async () => {
    const outcome = await connector(shared, shopSystem(kind)).run(runFor('access', { phone: ANN.phone }));
    expect(outcome).toMatchObject({
      counts: {
        customers: { found: 1 },
        orders: { found: 2 },
        order_items: { found: 3 },
        messages: { found: 2 },
        tickets: { found: 1 }, // the ticket filed before she had an account carries only her email
      },
    });
  });

  it('compares an exact identity exactly: another case or accent is another person', async () => {
    const connectorForShop = connector(shared, shopSystem(kind));
    const accented = await connectorForShop.run(runFor('access', { email: 'ann@exämple.org' }));
    expect(accented).toMatchObject({ counts: { customers: { found: 0 }, tickets: { found: 0 } }, findings: [] });
    // customers.email is compared exactly; tickets.email lower-cased, so the capitals still find her tickets.
    const capitals = await connectorForShop.run(runFor('access', { email: 'Ann@Example.org' }));
    expect(capitals).toMatchObject({ counts: { customers: { found: 0 }, tickets: { found: 2 } } });
  });

  it('reads at most the cap of a table holding more of the person: marked truncated, counted in full', async () => {
    const database = await freshShop();
    const values = Array.from({ length: 120 }, (_, i) => `(${1000 + i}, 1, 'Note ${i}', 'Body ${i}')`);
    await database.exec(`INSERT INTO messages (id, customer_id, subject, body) VALUES ${values.join(', ')}`);
    const outcome = await connector(database, shopSystem(kind), { rowCap: 50 }).run(runFor('access', ANN));
    if (outcome.state !== 'done') throw new Error(`expected done, got ${outcome.state}`);
    const messages = outcome.findings?.find((found) => found.table === 'messages');
    expect(messages?.truncated).toBe(true);
    expect(messages?.rows).toHaveLength(50);
    expect(messages?.rows[0]).toEqual({ id: 200, customer_id: 1, subject: 'Delivery', body: expect.any(String) });
    expect(outcome.counts.messages).toEqual({ found: 122 });
    expect(outcome.findings?.find((found) => found.table === 'orders')?.truncated).toBeUndefined();
  });

  it('previews an erasure as counts only, writing nothing', async () => {
    const before = await snapshot(shared);
    const outcome = await connector(shared, shopSystem(kind, KEEP_ORDERS)).run(runFor('erasure_preview', ANN));
    expect(outcome).toEqual({
      state: 'done',
      counts: {
        customers: { found: 1, updated: 1 },
        orders: { found: 2, retained: 2 },
        order_items: { found: 3, deleted: 3 },
        messages: { found: 2, updated: 2 },
        tickets: { found: 2, updated: 2 },
      },
    });
    expect(await snapshot(shared)).toEqual(before);
  });

  it('erases children before parents under ON DELETE RESTRICT, leaves others alone, and a rerun finds nothing', async () => {
    const database = await freshShop();
    // The foreign keys are real: the parent cannot go first.
    await expect(database.exec('DELETE FROM customers WHERE id = 1')).rejects.toThrow();
    const before = await snapshot(database);
    const erase = () => connector(database, shopSystem(kind, DELETE_EVERYTHING)).run(runFor('erasure', ANN));
    expect(await erase()).toEqual({
      state: 'done',
      counts: {
        customers: { found: 1, deleted: 1, remaining: 0 },
        orders: { found: 2, deleted: 2, remaining: 0 },
        order_items: { found: 3, deleted: 3, remaining: 0 },
        messages: { found: 2, deleted: 2, remaining: 0 },
        tickets: { found: 2, deleted: 2, remaining: 0 },
      },
    });
    const after = await snapshot(database);
    const bobs = (rows: Record<string, unknown[]>) => ({
      customers: rows.customers.filter((row) => (row as { id: number }).id === 2),
      orders: rows.orders.filter((row) => (row as { id: number }).id === 12),
      order_items: rows.order_items.filter((row) => (row as { id: number }).id === 103),
      messages: rows.messages.filter((row) => (row as { id: number }).id === 202),
      tickets: rows.tickets.filter((row) => (row as { id: number }).id === 302),
      products: rows.products,
    });
    expect(after).toEqual(bobs(before));
    expect(await erase()).toMatchObject({
      counts: {
        customers: { found: 0, deleted: 0, remaining: 0 },
        tickets: { found: 0, deleted: 0, remaining: 0 },
      },
    });
  });

  it('keeps retained tables and reports them, masks what the map masks, and a rerun masks nothing twice', async () => {
    const database = await freshShop();
    const erase = () => connector(database, shopSystem(kind, KEEP_ORDERS)).run(runFor('erasure', ANN));
    expect(await erase()).toEqual({
      state: 'done',
      counts: {
        customers: { found: 1, updated: 1, remaining: 0 },
        orders: { found: 2, retained: 2 },
        order_items: { found: 3, deleted: 3, remaining: 0 },
        messages: { found: 2, updated: 2, remaining: 0 },
        tickets: { found: 2, updated: 2, remaining: 0 },
      },
    });
    expect(await database.rows('SELECT id, email, phone, full_name FROM customers ORDER BY id')).toEqual([
      { id: 1, email: hmac('ann@example.org'), phone: null, full_name: '[erased]' },
      { id: 2, email: 'bob@example.org', phone: '+44 20 7946 0000', full_name: 'Bob Other' },
    ]);
    expect(await database.rows('SELECT id FROM orders ORDER BY id')).toEqual([{ id: 10 }, { id: 11 }, { id: 12 }]);
    expect(await database.rows('SELECT id FROM order_items ORDER BY id')).toEqual([{ id: 103 }]);
    expect(await database.rows('SELECT id, subject, body FROM messages ORDER BY id')).toEqual([
      { id: 200, subject: '[removed]', body: null },
      { id: 201, subject: '[removed]', body: null },
      { id: 202, subject: 'Hello', body: 'Bob writes' },
    ]);
    expect(await database.rows('SELECT id, summary FROM tickets ORDER BY id')).toEqual([
      { id: 300, summary: hmac('Late delivery') },
      { id: 301, summary: hmac('Question before signing up') },
      { id: 302, summary: 'Bob asks' },
    ]);

    // Her tickets are still found by their email (the map keeps it), and their summaries are not hashed again.
    const before = await snapshot(database);
    expect(await erase()).toMatchObject({ counts: { tickets: { found: 2, updated: 0, remaining: 0 } } });
    expect(await snapshot(database)).toEqual(before);
  });

  it('rolls the whole erasure back when a foreign key the map does not follow blocks it', async () => {
    const database = await freshShop();
    const before = await snapshot(database);
    const unfollowed = shopSystem(kind, DELETE_EVERYTHING, { without: ['tickets'] });
    const error = await failureOf(connector(database, unfollowed).run(runFor('erasure', ANN)));
    expect(error.errorClass).toBe('misconfigured');
    expect(error.detail).toMatch(/erasing from customers/);
    expect(await snapshot(database)).toEqual(before);
  });

  it('counts what is there again after the commit: rows a trigger put back are remaining', async () => {
    const database = await freshShop();
    await database.exec(
      kind === 'postgres'
        ? `CREATE FUNCTION reopen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             INSERT INTO tickets (id, email, summary) VALUES (900 + OLD.id, 'ann@example.org', 'reopened');
             RETURN OLD; END $$;
           CREATE TRIGGER reopen AFTER DELETE ON messages FOR EACH ROW EXECUTE FUNCTION reopen();`
        : `CREATE TRIGGER reopen AFTER DELETE ON messages FOR EACH ROW
             INSERT INTO tickets (id, email, summary) VALUES (900 + OLD.id, 'ann@example.org', 'reopened')`,
    );
    const outcome = await connector(database, shopSystem(kind, DELETE_EVERYTHING)).run(runFor('erasure', ANN));
    expect(outcome).toMatchObject({
      counts: {
        customers: { remaining: 0 },
        messages: { deleted: 2, remaining: 0 },
        tickets: { deleted: 2, remaining: 2 },
      },
    });
  });

  it('pushes an opt-out to the person’s rows once; a rerun changes nothing', async () => {
    const database = await freshShop();
    const optOut = () => connector(database, shopSystem(kind)).run(runFor('opt_out', ANN));
    expect(await optOut()).toEqual({ state: 'done', counts: { customers: { found: 1, updated: 1 } } });
    expect(await database.rows('SELECT id, sale_share_allowed FROM customers ORDER BY id')).toEqual([
      { id: 1, sale_share_allowed: flag(false) },
      { id: 2, sale_share_allowed: flag(true) },
    ]);
    expect(await optOut()).toEqual({ state: 'done', counts: { customers: { found: 1, updated: 0 } } });
  });

  it('binds every identity value: injection attempts find nothing and change nothing', async () => {
    const database = await freshShop();
    const hostile = [
      "' OR '1'='1",
      "ann@example.org' OR '1'='1",
      "x'; DROP TABLE customers; --",
      "\\'; DELETE FROM customers; --",
      '\\',
      "ann@example.org\\' OR 1=1 -- ",
      '" OR ""="',
      '` OR 1=1 -- ',
      '1 OR 1=1; UPDATE customers SET email = NULL',
      "Zoë ☃ 名前 🙂 \u202e' OR 'a'='a",
      '%',
    ];
    const before = await snapshot(database);
    const system = shopSystem(kind, DELETE_EVERYTHING);
    for (const value of hostile) {
      const identity = { email: value, phone: value, accountId: value };
      const access = await connector(database, system).run(runFor('access', identity));
      expect(access).toMatchObject({ findings: [], counts: { customers: { found: 0 }, tickets: { found: 0 } } });
      const erasure = await connector(database, system).run(runFor('erasure', identity));
      expect(Object.values(erasure.state === 'done' ? erasure.counts : {})).toEqual(
        Array(5).fill({ found: 0, deleted: 0, remaining: 0 }),
      );
    }
    expect(await snapshot(database)).toEqual(before);
  });

  it('cancels a statement that runs too long as a timeout, and the pool serves the next runs', async () => {
    const database = await freshShop();
    await database.exec(
      kind === 'postgres'
        ? 'CREATE VIEW slow_customers AS SELECT c.* FROM customers c CROSS JOIN (SELECT pg_sleep(3)) s'
        : 'CREATE VIEW slow_customers AS SELECT c.* FROM customers c WHERE SLEEP(3) = 0',
    );
    const slow = shopSystem(kind, DELETE_EVERYTHING, { without: ['orders', 'order_items', 'messages', 'tickets'] });
    const viewOnly = { ...slow, tables: slow.tables.map((table) => ({ ...table, name: 'slow_customers' })) };
    const started = Date.now();
    const error = await failureOf(
      connector(database, viewOnly, { statementTimeoutMs: 300 }).run(runFor('access', ANN)),
    );
    expect(error.errorClass).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2500);
    // More runs than the pool has connections: a connection lost to the timeout would leave one waiting.
    for (let i = 0; i < 3; i++) {
      const outcome = await connector(database, shopSystem(kind), { connectTimeoutMs: 2000 }).run(
        runFor('access', BOB),
      );
      expect(outcome).toMatchObject({ counts: { customers: { found: 1 } } });
    }
  });

  it('reports a database that is down as unreachable, without its password', async () => {
    const password = 'S3cret-pw-down';
    const port = await closedPort();
    const url = `${kind === 'postgres' ? 'postgres' : 'mysql'}://someone:${password}@127.0.0.1:${port}/shop`;
    const system = shopSystem(kind);
    const started = Date.now();
    const error = await failureOf(
      new DatabaseConnector({ system, env: { SHOP_DB_URL: url } }).run(runFor('access', ANN)),
    );
    expect(error.errorClass).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(2000);
    for (const text of [error.message, error.detail, String(error), error.stack ?? ''])
      expect(text).not.toContain(password);
  });

  it('reports wrong credentials as refused, without the password or the requester', async () => {
    const password = 'S3cret-pw-wrong';
    const host = kind === 'postgres' ? 'postgres://rd_nobody' : 'mysql://rd_nobody';
    const port = kind === 'postgres' ? 5432 : 3306;
    const error = await failureOf(
      new DatabaseConnector({
        system: shopSystem(kind),
        env: { SHOP_DB_URL: `${host}:${password}@127.0.0.1:${port}/${shared.name}` },
      }).run(runFor('access', ANN)),
    );
    expect(error.errorClass).toBe('refused');
    for (const text of [error.message, String(error), error.stack ?? '']) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(ANN.email);
    }
  });

  it('reports a map the database does not match, or an unset variable, as misconfigured', async () => {
    const system = shopSystem(kind);
    const renamed = {
      ...system,
      tables: system.tables.map((table) =>
        table.name === 'orders'
          ? { ...table, columns: { ...table.columns, coupon_code: 'commercial' as const } }
          : table,
      ),
    };
    const unknownColumn = await failureOf(connector(shared, renamed).run(runFor('access', ANN)));
    expect(unknownColumn.errorClass).toBe('misconfigured');
    expect(unknownColumn.detail).toMatch(/reading orders$/);
    expect(unknownColumn.message).not.toContain(ANN.email);
    const unset = await failureOf(new DatabaseConnector({ system, env: {} }).run(runFor('access', ANN)));
    expect(unset).toMatchObject({ errorClass: 'misconfigured', detail: 'environment variable SHOP_DB_URL is not set' });
  });
});

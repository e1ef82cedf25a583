import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import mysql from 'mysql2/promise';
import pg from 'pg';

import { FulfilmentTask } from '#db';
import { type DatabaseSystem, type DataMap, parseDataMap } from '#policy';

import { fillDemoDatabases } from '../apps/cli/src/demo/demo-databases.js';
import { DEMO_PERSON, PHONE_ONLY_PERSON } from '../apps/cli/src/demo/demo-persons.js';
import { auditOf, useDataMap } from './support/connected-systems.js';
import { eventually } from './support/eventually.js';
import { FormClient, referenceIn } from './support/form-client.js';
import { fulfilmentFlow } from './support/fulfilment-flow.js';
import { dropDatabase, uniqueRunName } from './support/run-storage.js';
import { closedPort } from './support/scratch-databases.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const ORG = 'prontotrak';
const DEMO_DB = `postgres://postgres@127.0.0.1:5432/rd_flow_${uniqueRunName()}`;
/** Securus Technologies keeps its customers in MariaDB. */
const MARIADB_ORG = 'securus-technologies';
const MARIADB_DEMO_DB = `mysql://root@127.0.0.1:3306/rd_flow_${uniqueRunName()}`;

/** ProntoTrak's seeded customer database system, as its data map file has it, pointed at this spec's demo database. */
const seededMap = parseDataMap(
  'prontotrak.datamap.yaml',
  readFileSync('seeds/prontotrak.datamap.yaml', 'utf8'),
) as DataMap;
const customerDb = seededMap.systems.find((s) => s.id === 'customer-db') as DatabaseSystem;
const accountDb = parseDataMap(
  'securus-technologies.datamap.yaml',
  readFileSync('seeds/securus-technologies.datamap.yaml', 'utf8'),
).systems.find((s) => s.id === 'account-db') as DatabaseSystem;
/** A second copy of it whose variable names a port nothing listens on: a database that is down. */
const archiveDb: DatabaseSystem = {
  ...customerDb,
  id: 'archive-db',
  name: 'Archive database',
  connection: 'ARCHIVE_DB_URL',
};

let downPort = 0;
beforeAll(async () => {
  downPort = await closedPort();
});

describe('fulfilment through the connected systems, as staff and the requester do it', () => {
  const system = useRunningSystem({
    db: 'typeorm',
    browser: true,
    ownStorage: 'flow',
    extraEnv: () => ({
      PRONTOTRAK_CUSTOMER_DB_URL: DEMO_DB,
      SECURUS_TECHNOLOGIES_CUSTOMER_DB_URL: MARIADB_DEMO_DB,
      ARCHIVE_DB_URL: `postgres://postgres@127.0.0.1:${downPort}/archive`,
      FULFILMENT_ATTEMPTS: '1',
      FULFILMENT_BACKOFF_MS: '200',
    }),
  });

  let agent: FormClient;
  let admin: FormClient;
  let adminAccount: StaffAccount;
  let demo: pg.Client;

  beforeAll(async () => {
    const filled = await fillDemoDatabases(
      [
        { organisation: ORG, kind: 'postgres', url: DEMO_DB },
        { organisation: MARIADB_ORG, kind: 'mysql', url: MARIADB_DEMO_DB },
      ],
      { people: 5, countryOf: () => 'US' },
    );
    expect(filled.map((f) => f.outcome.state)).not.toContain('failed');
    demo = new pg.Client({ connectionString: DEMO_DB });
    await demo.connect();
    await useDataMap(system.db, { organisation: ORG, systems: [customerDb] });
    await useDataMap(system.db, { organisation: MARIADB_ORG, systems: [accountDb] });
    agent = await signIn(
      system.baseUrl,
      await createStaff({ [ORG]: 'agent', [MARIADB_ORG]: 'agent' }, 'Flow Agent', system.databaseUrl),
    );
    adminAccount = await createStaff({ [ORG]: 'admin' }, 'Flow Admin', system.databaseUrl);
    admin = await signIn(system.baseUrl, adminAccount);
  }, 60_000);

  afterAll(async () => {
    await demo?.end();
    await dropDatabase(DEMO_DB);
    const mariadb = await mysql.createConnection({ uri: 'mysql://root@127.0.0.1:3306' });
    await mariadb.query(`DROP DATABASE IF EXISTS \`${new URL(MARIADB_DEMO_DB).pathname.slice(1)}\``);
    await mariadb.end();
  });

  const { act, statusOf, tasksSettled, ...flow } = fulfilmentFlow(system);
  const verifiedRequest = (email: string, rightId: string, phone = '', slug = ORG) =>
    flow.verifiedRequest(email, rightId, phone, slug);
  const startWork = (page: string) => flow.startWork(agent, page);

  async function packageOf(page: string): Promise<Record<string, string>> {
    const download = await agent.getBytes(`${page}/systems/package`);
    expect({ status: download.status, type: download.headers.get('content-type') }).toEqual({
      status: 200,
      type: expect.stringContaining('application/zip'),
    });
    return Object.fromEntries(
      Object.entries(unzipSync(download.bytes)).map(([path, bytes]) => [path, strFromU8(bytes)]),
    );
  }

  const jordanRows = async () => {
    const [customer] = (
      await demo.query('SELECT id, email, full_name FROM customers WHERE email = $1', [DEMO_PERSON.email])
    ).rows as { id: number }[];
    return customer;
  };

  /** How many rows of a customer each related table of the demo database holds. */
  async function rowsOf(customerId: number): Promise<Record<string, number>> {
    const count = async (sql: string) => (await demo.query(sql, [customerId])).rows[0].n as number;
    return {
      orders: await count('SELECT count(*)::int AS n FROM orders WHERE customer_id = $1'),
      order_items: await count(
        'SELECT count(*)::int AS n FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.customer_id = $1',
      ),
      messages: await count('SELECT count(*)::int AS n FROM messages WHERE customer_id = $1'),
      tickets: await count('SELECT count(*)::int AS n FROM tickets WHERE customer_id = $1'),
    };
  }

  it('finds the demo person in five tables, packages it for staff to look over, and releases it to the requester', async () => {
    const r = await verifiedRequest(DEMO_PERSON.email, 'access');
    await startWork(r.page);
    const [task] = await tasksSettled(r.id, 'access', 'done');
    expect(task.systemId).toBe('customer-db');
    for (const table of ['customers', 'orders', 'order_items', 'messages', 'tickets'])
      expect(task.counts![table].found).toBeGreaterThan(0);
    expect(task.counts!.customers.found).toBe(1);
    expect(task.counts!.orders.found).toBe(2);
    expect(task.counts!.order_items.found).toBe(5);

    const page = await agent.get(r.page);
    expect(page.body).toContain('data-system="customer-db" data-state="done"');
    expect(page.body).toContain('<code>orders</code>: 2 rows found');
    expect(page.body).not.toContain(DEMO_PERSON.postalAddress);

    const files = await packageOf(r.page);
    expect(files['index.html']).toContain('Customer database');
    const orders = Object.entries(files).find(([path]) => /systems\/[^/]+\/orders\.csv$/.test(path));
    expect(orders).toBeDefined();
    expect(orders![1]).toContain(DEMO_PERSON.postalAddress);
    expect(orders![1].trim().split('\n')).toHaveLength(3);
    expect(JSON.parse(files['summary.json'])).toMatchObject({ foundAnywhere: true });

    expect((await act(agent, r.page, 'systems/package/release')).status).toBe(303);
    expect(await statusOf(r.id)).toBe('fulfilled');
    const statusPage = await new FormClient(system.baseUrl).get(r.statusUrl);
    expect(statusPage.status).toBe(200);
    const link = new RegExp(`${new URL(r.statusUrl).pathname}/files/[0-9a-f-]+`).exec(statusPage.body);
    expect(link).not.toBeNull();
    const downloaded = await new FormClient(system.baseUrl).getBytes(link![0]);
    expect(downloaded.status).toBe(200);
    expect(strFromU8(unzipSync(downloaded.bytes)['index.html'])).toBe(files['index.html']);

    // The timeline holds counts, never what was found.
    const timeline = JSON.stringify(
      await system.db.query('SELECT detail FROM audit_entry WHERE request_id = $1', [r.id]),
    );
    for (const value of [DEMO_PERSON.postalAddress, DEMO_PERSON.fullName, DEMO_PERSON.storedPhone])
      expect(timeline).not.toContain(value);
  }, 60_000);

  it('finds the demo person in the MariaDB demo database too, and packages the orders', async () => {
    const r = await verifiedRequest(DEMO_PERSON.email, 'ccpa-know', '', MARIADB_ORG);
    await startWork(r.page);
    const [task] = await tasksSettled(r.id, 'access', 'done');
    expect(task.systemId).toBe('account-db');
    expect(Object.fromEntries(Object.entries(task.counts!).map(([table, c]) => [table, c.found]))).toEqual({
      customers: 1,
      orders: 2,
      order_items: 5,
      messages: expect.any(Number),
      tickets: expect.any(Number),
    });
    expect(task.counts!.messages.found).toBeGreaterThan(0);
    expect(task.counts!.tickets.found).toBeGreaterThan(0);
    const files = await packageOf(r.page);
    const orders = Object.entries(files).find(([path]) => /systems\/[^/]+\/orders\.csv$/.test(path));
    expect(orders?.[1]).toContain(DEMO_PERSON.postalAddress);
    expect(JSON.parse(files['summary.json'])).toMatchObject({ foundAnywhere: true });
  }, 60_000);

  it('says in the package that a person known nowhere was found nowhere', async () => {
    const r = await verifiedRequest(`nobody-${uniqueRunName()}@example.org`, 'access');
    await startWork(r.page);
    const [task] = await tasksSettled(r.id, 'access', 'done');
    expect(Object.values(task.counts!).every((c) => c.found === 0)).toBe(true);
    const files = await packageOf(r.page);
    expect(JSON.parse(files['summary.json'])).toMatchObject({ foundAnywhere: false });
    expect(Object.keys(files).some((path) => path.endsWith('.csv'))).toBe(false);
  }, 60_000);

  it('makes a dry run first, erases only once an admin approves, and keeps the tax records', async () => {
    const jordan = await jordanRows();
    expect(jordan).toBeDefined();
    const before = await rowsOf(jordan.id);
    expect(before).toEqual({ orders: 2, order_items: 5, messages: expect.any(Number), tickets: expect.any(Number) });
    expect(before.tickets).toBeGreaterThan(0);
    expect(before.messages).toBeGreaterThan(0);

    const email = `jordan-erasure-${uniqueRunName()}@example.org`;
    const r = await verifiedRequest(email, 'deletion', DEMO_PERSON.phone);
    await startWork(r.page);
    const [preview] = await tasksSettled(r.id, 'erasure_preview', 'done');
    expect(preview.counts!.tickets.found).toBe(before.tickets);
    // A dry run changes nothing.
    expect(await jordanRows()).toEqual(jordan);
    expect(await rowsOf(jordan.id)).toEqual(before);

    const dryRun = await admin.get(r.page);
    expect(dryRun.body).toContain('Erasure dry run: what would happen');
    expect(dryRun.body).toContain('rows would be deleted');
    expect(dryRun.body).toContain('id="approve-erasure"');
    // An agent does not see the approval; the request cannot be fulfilled before it.
    expect((await agent.get(r.page)).body).not.toContain('id="approve-erasure"');
    const early = await act(agent, r.page, 'fulfil', { resolution: 'Erased.' });
    expect(early.status).toBe(409);
    expect(early.body).toContain('Approve the erasure first');
    const refused = await act(agent, r.page, 'systems/approve-erasure');
    expect(refused.status).toBe(403);

    expect((await act(admin, r.page, 'systems/approve-erasure')).status).toBe(303);
    const [erasure] = await tasksSettled(r.id, 'erasure', 'done');
    expect(erasure.counts!.tickets).toMatchObject({ deleted: before.tickets, remaining: 0 });
    const done = (await auditOf(system.db, r.id, 'fulfilment.system_done')).find((e) => e.detail.purpose === 'erasure');
    expect(done?.detail.remaining).toBe(0);

    expect(await jordanRows()).toBeUndefined();
    const { rows: customer } = await demo.query('SELECT email, phone, full_name FROM customers WHERE id = $1', [
      jordan.id,
    ]);
    expect(customer).toEqual([{ email: null, phone: null, full_name: "[deleted at the customer's request]" }]);
    // Tickets deleted; messages masked in place; orders and their items kept as tax records.
    expect(await rowsOf(jordan.id)).toEqual({ ...before, tickets: 0 });
    const { rows: messages } = await demo.query('SELECT subject, body FROM messages WHERE customer_id = $1', [
      jordan.id,
    ]);
    expect(messages.every((m) => m.subject === null && m.body === "[removed at the customer's request]")).toBe(true);

    expect((await act(agent, r.page, 'fulfil', { resolution: 'Erased, but for the tax records.' })).status).toBe(303);
    expect(await statusOf(r.id)).toBe('fulfilled');
  }, 90_000);

  it('shows the dry run and approves the erasure in a browser without JavaScript', async () => {
    // Riley is known by phone only: the request's number finds Riley whatever address it gives.
    const r = await verifiedRequest(`riley-${uniqueRunName()}@example.org`, 'deletion', PHONE_ONLY_PERSON.phone);
    await startWork(r.page);
    await tasksSettled(r.id, 'erasure_preview', 'done');
    const rileyRows = () =>
      demo.query('SELECT id FROM customers WHERE phone = $1', [PHONE_ONLY_PERSON.storedPhone]).then((q) => q.rows);
    expect(await rileyRows()).toHaveLength(1);

    const page = await system.browser.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${system.baseUrl}/staff`);
      await page.getByLabel('Email address').fill(adminAccount.email);
      await page.getByLabel('Password').fill(adminAccount.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${system.baseUrl}${r.page}`);
      const dryRun = page.locator('table[data-purpose="erasure_preview"] tr[data-system="customer-db"]');
      await expect(dryRun.textContent()).resolves.toContain('1 row found');
      expect(await dryRun.getAttribute('data-state')).toBe('done');
      await page.getByRole('button', { name: 'Approve the erasure' }).click();
      expect(new URL(page.url()).pathname).toBe(r.page);
      await tasksSettled(r.id, 'erasure', 'done');
      await page.reload();
      await expect(
        page.locator('table[data-purpose="erasure"] tr[data-system="customer-db"]').getAttribute('data-state'),
      ).resolves.toBe('done');
      await expect(page.getByRole('button', { name: 'Approve the erasure' }).count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
    expect(await rileyRows()).toEqual([]);
  }, 90_000);

  it('shows a system that is down as failed without holding up the others, retries it, and closes it with a reason', async () => {
    await useDataMap(system.db, { organisation: ORG, systems: [customerDb, archiveDb] });
    const r = await verifiedRequest(`someone-${uniqueRunName()}@example.org`, 'access');
    await startWork(r.page);
    const tasks = await tasksSettled(r.id, 'access', 'done', 'failed');
    const archive = tasks.find((t) => t.systemId === 'archive-db')!;
    expect({ state: archive.state, errorClass: archive.errorClass }).toEqual({
      state: 'failed',
      errorClass: 'unreachable',
    });
    expect(tasks.find((t) => t.systemId === 'customer-db')!.state).toBe('done');
    const page = await agent.get(r.page);
    expect(page.body).toContain('data-system="archive-db" data-state="failed"');
    expect(page.body).toContain('(unreachable)');
    expect(page.body).toContain('Retry this system');
    expect(page.body).not.toContain(`127.0.0.1:${downPort}`);
    expect(page.body).not.toContain('postgres://');

    const fulfilEarly = await agent.submitForm(r.page, `${r.page}/systems/package/release`, {});
    expect(fulfilEarly.status).toBe(409);

    expect((await act(agent, r.page, `systems/${archive.id}/retry`)).status).toBe(303);
    const archiveFailures = async () =>
      (await auditOf(system.db, r.id, 'fulfilment.system_failed')).filter((e) => e.detail.systemId === 'archive-db');
    await eventually(async () => (await archiveFailures()).length === 2, 'the archive database run again');
    expect((await archiveFailures()).map((e) => e.detail.errorClass)).toEqual(['unreachable', 'unreachable']);
    await eventually(
      async () =>
        (await system.db.getRepository(FulfilmentTask).findOneByOrFail({ id: archive.id })).state === 'failed',
      'the archive database failed again',
    );

    const reason = 'The archive was retired last year; nothing of this person is in it.';
    expect((await act(agent, r.page, `systems/${archive.id}/close`, { reason })).status).toBe(303);
    const closed = await system.db.getRepository(FulfilmentTask).findOneByOrFail({ id: archive.id });
    expect({ state: closed.state, reason: closed.reason }).toEqual({ state: 'closed', reason });
    expect((await act(agent, r.page, 'systems/package/release')).status).toBe(303);
  }, 90_000);

  it('pushes a sale/share opt-out from the form to the flag the customer database holds, for that person only', async () => {
    const flags = async () =>
      Object.fromEntries(
        (
          await demo.query('SELECT email, sale_share_allowed FROM customers WHERE email IS NOT NULL ORDER BY id')
        ).rows.map((row: { email: string; sale_share_allowed: boolean }) => [row.email, row.sale_share_allowed]),
      );
    await useDataMap(system.db, { organisation: ORG, systems: [customerDb] });
    const before = await flags();
    const email = Object.keys(before).find((address) => before[address] && address !== DEMO_PERSON.email)!;
    expect(email).toBeDefined();

    const form = `/o/${ORG}/requests`;
    const filed = await new FormClient(system.baseUrl).submitForm(`${form}/new`, form, {
      name: 'Opting Out',
      email,
      phone: '',
      rightId: 'third-party-marketing-opt-out',
      residence: 'elsewhere',
      dataContext: 'own',
      relationship: 'self',
      details: '',
      website: '',
    });
    expect(filed.status).toBe(201);
    const [{ id }] = (await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [
      referenceIn(filed.body),
    ])) as { id: string }[];
    // Fulfilled at once with its suppression; the flag is pushed after, by the worker.
    expect(await statusOf(id)).toBe('fulfilled');
    const [task] = await tasksSettled(id, 'opt_out', 'done');
    expect({ system: task.systemId, counts: task.counts }).toEqual({
      system: 'customer-db',
      counts: { customers: { found: 1, updated: 1 } },
    });
    expect(await flags()).toEqual({ ...before, [email]: false });

    const page = await agent.get(`/staff/orgs/${ORG}/requests/${id}`);
    expect(page.body).toContain('Sale/share opt-out pushed to systems');
    expect(page.body).toContain('data-system="customer-db" data-state="done"');
    const timeline = JSON.stringify(
      await system.db.query('SELECT detail FROM audit_entry WHERE request_id = $1', [id]),
    );
    expect(timeline).not.toContain(email);
  }, 60_000);
});

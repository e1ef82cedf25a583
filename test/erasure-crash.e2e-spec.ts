import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { FulfilmentTask } from '#db';
import { type DatabaseSystem, parseDataMap } from '#policy';

import { fillDemoDatabases } from '../apps/cli/src/demo/demo-databases.js';
import { DEMO_PERSON } from '../apps/cli/src/demo/demo-persons.js';
import { auditOf, useDataMap } from './support/connected-systems.js';
import { eventually } from './support/eventually.js';
import type { FormClient } from './support/form-client.js';
import { fulfilmentFlow } from './support/fulfilment-flow.js';
import { dropDatabase, uniqueRunName } from './support/run-storage.js';
import { killProcess } from './support/running-system.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const ORG = 'prontotrak';
const DEMO_DB = `postgres://postgres@127.0.0.1:5432/rd_crash_${uniqueRunName()}`;
const customerDb = parseDataMap(
  'prontotrak.datamap.yaml',
  readFileSync('seeds/prontotrak.datamap.yaml', 'utf8'),
).systems.find((s) => s.id === 'customer-db') as DatabaseSystem;
/** The advisory lock the demo database's trigger waits for: held by the test, it stops an erasure mid-transaction. */
const HOLD = 4242;

describe('a worker killed in the middle of an erasure', () => {
  const system = useRunningSystem({
    db: 'typeorm',
    ownStorage: 'crash',
    // A killed worker's job goes to the next one within seconds (the claim plus two stalled checks).
    extraEnv: { PRONTOTRAK_CUSTOMER_DB_URL: DEMO_DB, WORKER_LOCK_MS: '3000', WORKER_STALLED_CHECK_MS: '1000' },
  });
  const flow = fulfilmentFlow(system);
  let admin: FormClient;
  let demo: pg.Client;

  beforeAll(async () => {
    const [filled] = await fillDemoDatabases([{ organisation: ORG, kind: 'postgres', url: DEMO_DB }], {
      people: 5,
      countryOf: () => 'US',
    });
    expect(filled.outcome.state).not.toBe('failed');
    demo = new pg.Client({ connectionString: DEMO_DB });
    await demo.connect();
    // Customers are erased last (children before parents): an update of one waits for the test's lock, by then the
    // erasure's transaction has deleted the tickets and masked the messages, uncommitted.
    await demo.query(`CREATE FUNCTION hold_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(${HOLD}); RETURN NEW; END $$`);
    await demo.query(
      'CREATE TRIGGER hold_erasure BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION hold_erasure()',
    );
    await useDataMap(system.db, { organisation: ORG, systems: [customerDb] });
    admin = await signIn(system.baseUrl, await createStaff({ [ORG]: 'admin' }, 'Crash Admin', system.databaseUrl));
  }, 60_000);

  afterAll(async () => {
    await demo?.end();
    await dropDatabase(DEMO_DB);
  });

  async function jordan() {
    const { rows } = await demo.query(
      `SELECT c.id, c.email, c.full_name,
         (SELECT count(*)::int FROM tickets t WHERE t.customer_id = c.id) AS tickets,
         (SELECT count(*)::int FROM messages m WHERE m.customer_id = c.id AND m.subject IS NOT NULL) AS unmasked_messages,
         (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id) AS orders
       FROM customers c WHERE c.phone = $1`,
      [DEMO_PERSON.storedPhone],
    );
    return rows[0] as { id: number; email: string | null; tickets: number; unmasked_messages: number; orders: number };
  }

  /** The erasure's database session while it waits for the test's lock, having already deleted from tickets. */
  async function blockedMidErasure(): Promise<boolean> {
    const { rows } = await demo.query(
      `SELECT 1 FROM pg_locks waiting
         JOIN pg_locks wrote ON wrote.pid = waiting.pid AND wrote.mode = 'RowExclusiveLock'
         JOIN pg_class c ON c.oid = wrote.relation AND c.relname = 'tickets'
       WHERE waiting.locktype = 'advisory' AND waiting.objid = $1 AND NOT waiting.granted`,
      [HOLD],
    );
    return rows.length > 0;
  }

  it('leaves nothing half-erased, and the next worker erases once, with counts from one whole run', async () => {
    const before = await jordan();
    expect(before).toMatchObject({ email: DEMO_PERSON.email, orders: 2 });
    expect(before.tickets).toBeGreaterThan(0);
    expect(before.unmasked_messages).toBeGreaterThan(0);

    const r = await flow.verifiedRequest(DEMO_PERSON.email, 'deletion', '', ORG);
    await flow.startWork(admin, r.page);
    await flow.tasksSettled(r.id, 'erasure_preview', 'done');

    await demo.query('SELECT pg_advisory_lock($1)', [HOLD]);
    try {
      expect((await flow.act(admin, r.page, 'systems/approve-erasure')).status).toBe(303);
      // Polled tightly: the connector's statement timeout (5 s) would end the wait by itself.
      await eventually(blockedMidErasure, 'the erasure waiting mid-transaction', 30_000);
      await killProcess(system.workers[0], 'SIGKILL');
    } finally {
      await demo.query('SELECT pg_advisory_unlock($1)', [HOLD]);
    }

    // PostgreSQL rolled the dead session's transaction back: every row is as it was.
    await eventually(async () => !(await blockedMidErasure()), 'the killed session gone');
    expect(await jordan()).toEqual(before);
    const [running] = await system.db.getRepository(FulfilmentTask).findBy({ requestId: r.id, purpose: 'erasure' });
    expect(running.state).toBe('running');

    system.startWorker();
    const [erasure] = await flow.tasksSettled(r.id, 'erasure', 'done', 'failed');
    // The killed run's job, taken back: the one claim it had plus this one.
    expect({ state: erasure.state, attempts: erasure.attempts }).toEqual({ state: 'done', attempts: 2 });
    expect(erasure.counts!.tickets).toEqual({ found: before.tickets, deleted: before.tickets, remaining: 0 });
    expect(erasure.counts!.customers).toMatchObject({ found: 1, updated: 1, remaining: 0 });

    const after = await jordan();
    expect(after).toBeUndefined();
    const { rows } = await demo.query(
      `SELECT email, full_name,
         (SELECT count(*)::int FROM tickets WHERE customer_id = $1) AS tickets,
         (SELECT count(*)::int FROM messages WHERE customer_id = $1 AND subject IS NOT NULL) AS unmasked_messages,
         (SELECT count(*)::int FROM orders WHERE customer_id = $1) AS orders
       FROM customers WHERE id = $1`,
      [before.id],
    );
    expect(rows).toEqual([
      { email: null, full_name: "[deleted at the customer's request]", tickets: 0, unmasked_messages: 0, orders: 2 },
    ]);

    const done = (await auditOf(system.db, r.id, 'fulfilment.system_done')).filter(
      (e) => e.detail.purpose === 'erasure',
    );
    expect(done).toHaveLength(1);
    expect(done[0].detail.remaining).toBe(0);
    expect(await auditOf(system.db, r.id, 'fulfilment.system_failed')).toEqual([]);
  }, 120_000);
});

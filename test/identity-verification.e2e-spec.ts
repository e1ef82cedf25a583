import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import pg from 'pg';

import { type DatabaseSystem, parseDataMap } from '#policy';

import { fillDemoDatabases } from '../apps/cli/src/demo/demo-databases.js';
import { DEMO_PERSON } from '../apps/cli/src/demo/demo-persons.js';
import { auditOf, useDataMap } from './support/connected-systems.js';
import { eventually, sleep } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { fulfilmentFlow } from './support/fulfilment-flow.js';
import { dropDatabase, uniqueRunName } from './support/run-storage.js';
import { closedPort } from './support/scratch-databases.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const PRONTOTRAK = 'prontotrak';
const SECURUS = 'securus-technologies';
const PRONTOTRAK_DB = `postgres://postgres@127.0.0.1:5432/rd_identity_${uniqueRunName()}`;
const SECURUS_DB = `mysql://root@127.0.0.1:3306/rd_identity_${uniqueRunName()}`;

/** An organisation's seeded customer database system, as its data map file has it. */
const seededSystem = (slug: string, id: string) =>
  parseDataMap(`${slug}.datamap.yaml`, readFileSync(`seeds/${slug}.datamap.yaml`, 'utf8')).systems.find(
    (s) => s.id === id,
  ) as DatabaseSystem;

/** Jordan, the demo person, as a requester types their details: other spellings than the records hold. */
const JORDAN = {
  dataPointPhone: '(415) 555-0134',
  dataPointPostalAddress: '1 Market St., San Francisco CA 94105',
  dataPointDateOfBirth: '1990-04-12',
};
const DECLARATION = { declaration: 'yes', declarationName: DEMO_PERSON.fullName, declarationDate: '2026-12-01' };

const WEST = 'west-schoolmessenger';
/** A port nothing listens on: West's customer database is down throughout. */
let downPort = 0;
beforeAll(async () => {
  downPort = await closedPort();
});

describe('identity verified against the organisation’s records', () => {
  const system = useRunningSystem({
    db: 'typeorm',
    ownStorage: 'identity',
    extraEnv: () => ({
      PRONTOTRAK_CUSTOMER_DB_URL: PRONTOTRAK_DB,
      SECURUS_TECHNOLOGIES_CUSTOMER_DB_URL: SECURUS_DB,
      WEST_SCHOOLMESSENGER_CUSTOMER_DB_URL: `postgres://postgres@127.0.0.1:${downPort}/west`,
      FULFILMENT_BACKOFF_MS: '200',
    }),
  });
  let staff: FormClient;
  let demo: pg.Client;

  beforeAll(async () => {
    const filled = await fillDemoDatabases(
      [
        { organisation: PRONTOTRAK, kind: 'postgres', url: PRONTOTRAK_DB },
        { organisation: SECURUS, kind: 'mysql', url: SECURUS_DB },
      ],
      { people: 5, countryOf: () => 'US' },
    );
    expect(filled.map((f) => f.outcome.state)).not.toContain('failed');
    await useDataMap(system.db, { organisation: PRONTOTRAK, systems: [seededSystem(PRONTOTRAK, 'customer-db')] });
    await useDataMap(system.db, { organisation: SECURUS, systems: [seededSystem(SECURUS, 'account-db')] });
    await useDataMap(system.db, { organisation: WEST, systems: [seededSystem(WEST, 'customer-db')] });
    staff = await signIn(
      system.baseUrl,
      await createStaff(
        { [PRONTOTRAK]: 'admin', [SECURUS]: 'admin', [WEST]: 'admin' },
        'Vera Verifier',
        system.databaseUrl,
      ),
    );
    demo = new pg.Client({ connectionString: PRONTOTRAK_DB });
    await demo.connect();
  }, 90_000);

  afterAll(async () => {
    await demo?.end();
    await dropDatabase(PRONTOTRAK_DB);
    const mariadb = await mysql.createConnection({ uri: 'mysql://root@127.0.0.1:3306' });
    await mariadb.query(`DROP DATABASE IF EXISTS \`${new URL(SECURUS_DB).pathname.slice(1)}\``);
    await mariadb.end();
  });

  const flow = fulfilmentFlow(system);
  /** Jordan's request (or one with another address), filed on the public form with the details given, and confirmed. */
  const filedAndConfirmed = (
    slug: string,
    rightId: string,
    details: Record<string, string>,
    // The address the records hold: the requests here are Jordan's but one, told apart by their references.
    { email, phone }: { email: string; phone: string } = { email: DEMO_PERSON.email, phone: '' },
  ) =>
    flow.verifiedRequest(email, rightId, phone, slug, {
      name: DEMO_PERSON.fullName,
      residence: 'california',
      declaration: '',
      ...details,
    });

  const row = async (id: string) =>
    (
      (await system.db.query(
        `SELECT status, type, right_id, identity_check, verification_reached, denial_reason
           FROM data_subject_request WHERE id = $1`,
        [id],
      )) as Record<string, string | null>[]
    )[0];

  async function matched(id: string): Promise<Record<string, string | null>> {
    await eventually(async () => (await row(id)).identity_check !== 'pending', `the match of ${id}`, 30_000);
    return row(id);
  }

  const evidenceOf = async (id: string) =>
    Object.fromEntries(
      (
        (await system.db.query('SELECT data_point, result FROM identity_evidence WHERE request_id = $1', [id])) as {
          data_point: string;
          result: string;
        }[]
      ).map((e) => [e.data_point, e.result]),
    );

  const dataPointsLeft = async (id: string) =>
    Number(
      (
        (await system.db.query('SELECT count(*) AS n FROM verification_data_point WHERE request_id = $1', [id])) as {
          n: string;
        }[]
      )[0].n,
    );

  it('reaches a reasonably high degree with three matches and the declaration, keeping results, not values', async () => {
    const request = await filedAndConfirmed(SECURUS, 'ccpa-know', { ...JORDAN, ...DECLARATION });
    expect(await matched(request.id)).toMatchObject({
      status: 'verified',
      identity_check: 'matched',
      verification_reached: 'high',
    });
    expect(await evidenceOf(request.id)).toEqual({
      phone: 'matched',
      postal_address: 'matched',
      date_of_birth: 'matched',
    });
    expect(await dataPointsLeft(request.id)).toBe(0);
    const [entry] = await auditOf(system.db, request.id, 'verification.matched');
    expect(entry.detail).toMatchObject({ level: 'high', personFound: true });
    expect(JSON.stringify(entry.detail)).not.toMatch(/0134|1990|Market/);

    const page = (await staff.get(request.page)).body;
    expect(page).toContain('id="identity-reached" data-met="true"');
    expect(page).toContain('date of birth: matches the records');
  });

  it("finds the person by the proven address only: Jordan's phone and details typed with another address match nothing", async () => {
    const request = await filedAndConfirmed(
      SECURUS,
      'ccpa-know',
      { ...JORDAN, ...DECLARATION },
      { email: `not-jordan-${Date.now()}@example.org`, phone: DEMO_PERSON.phone },
    );
    expect(await matched(request.id)).toMatchObject({
      status: 'denied',
      denial_reason: 'identity_not_verified',
      verification_reached: 'email',
    });
    expect(await evidenceOf(request.id)).toEqual({
      phone: 'not_held',
      postal_address: 'not_held',
      date_of_birth: 'not_held',
    });
  });

  it('answers a request for specific pieces verified to a reasonable degree only as one for categories', async () => {
    const request = await filedAndConfirmed(SECURUS, 'ccpa-know', {
      dataPointPhone: JORDAN.dataPointPhone,
      ...DECLARATION,
    });
    expect(await matched(request.id)).toMatchObject({
      status: 'verified',
      type: 'categories',
      right_id: 'ccpa-categories',
      verification_reached: 'reasonable',
    });
    await eventually(
      async () =>
        system.sink
          .mailsTo(DEMO_PERSON.email)
          .some((m) => m.subject.includes(request.reference) && m.subject.includes('categories of your information')),
      'the mail saying the request is answered with categories',
    );
    expect((await auditOf(system.db, request.id, 'request.answered_as_categories')).length).toBe(1);
  });

  it('denies a deletion whose details do not match, and honours the sale/share opt-out it offers instead', async () => {
    const request = await filedAndConfirmed(PRONTOTRAK, 'ccpa-deletion', {
      dataPointPhone: JORDAN.dataPointPhone,
      dataPointDateOfBirth: '1980-01-01',
    });
    expect(await matched(request.id)).toMatchObject({
      status: 'denied',
      denial_reason: 'identity_not_verified',
      verification_reached: 'email',
    });
    expect(await evidenceOf(request.id)).toEqual({ phone: 'matched', date_of_birth: 'not_matched' });
    let denial = '';
    await eventually(async () => {
      const mail = system.sink
        .mailsTo(DEMO_PERSON.email)
        .find((m) => /was refused/.test(m.subject) && m.subject.includes(request.reference));
      denial = mail?.text ?? '';
      return !!mail;
    }, 'the denial mail');
    expect(denial).toContain('could not be matched against our records');
    expect(denial).toContain('ask us not to sell or share');

    const statusUrl = linkIn(denial, system.baseUrl, '/s/');
    const requester = new FormClient(system.baseUrl);
    const status = await requester.get(statusUrl);
    expect(status.body).toContain('id="opt-out"');
    for (let press = 0; press < 2; press++)
      expect((await requester.post(`${statusUrl}/opt-out`, { _csrf: csrfTokenIn(status.body) })).status).toBe(303);
    expect((await requester.get(statusUrl)).body).toContain('id="opt-out-taken"');

    const optOuts = (await system.db.query(
      `SELECT status FROM data_subject_request WHERE requester_email = $1 AND right_id = 'ccpa-sale-share-opt-out'`,
      [DEMO_PERSON.email],
    )) as { status: string }[];
    expect(optOuts).toEqual([{ status: 'fulfilled' }]);
    await eventually(async () => {
      const { rows } = await demo.query('SELECT sale_share_allowed FROM customers WHERE email = $1', [
        DEMO_PERSON.email,
      ]);
      return rows[0]?.sale_share_allowed === false;
    }, 'the opt-out pushed to the customer database');
  });

  it('leaves a request outside US law to staff, who record the degree they reached with how', async () => {
    const request = await filedAndConfirmed(PRONTOTRAK, 'deletion', {
      ...JORDAN,
      residence: 'elsewhere',
      dataPointDateOfBirth: '1980-01-01',
    });
    expect(await matched(request.id)).toMatchObject({ status: 'verified', verification_reached: 'email' });

    const refused = await staff.submitForm(request.page, `${request.page}/identity`, {
      level: 'reasonable',
      reason: ' ',
    });
    expect(refused.status).toBe(400);
    const decided = await staff.submitForm(request.page, `${request.page}/identity`, {
      level: 'reasonable',
      reason: 'Called back on the number in the account; the date of birth on file has a typo.',
    });
    expect(decided.status).toBe(303);
    expect(await row(request.id)).toMatchObject({ identity_check: 'overridden', verification_reached: 'reasonable' });
    const [entry] = await auditOf(system.db, request.id, 'verification.overridden');
    expect(entry.detail).toMatchObject({ from: 'email', to: 'reasonable' });
    expect((await staff.get(request.page)).body).toContain('Called back on the number in the account');
  });

  it('keeps the check pending while the system is down, the details kept for the retry, the request verified with its clock running', async () => {
    const request = await filedAndConfirmed(WEST, 'access', JORDAN);
    // Several retries' worth of backoff: the database stays down, so the check stays pending.
    await sleep(2_000);
    expect(await row(request.id)).toMatchObject({ status: 'verified', identity_check: 'pending' });
    expect(await dataPointsLeft(request.id)).toBe(3);
    expect((await staff.get(request.page)).body).toContain('matching with the records: pending');
    expect(await auditOf(system.db, request.id, 'verification.matched')).toEqual([]);
  });

  it('counts each path on the report page', async () => {
    const report = (await staff.get(`/staff/orgs/${PRONTOTRAK}/reports`)).body;
    expect(report).toMatch(/data-count="optOutsTaken">1</);
    expect(report).toMatch(/data-count="overridden">1</);
    const securus = (await staff.get(`/staff/orgs/${SECURUS}/reports`)).body;
    expect(securus).toMatch(/data-count="answeredAsCategories">1</);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { type DatabaseSystem, parseDataMap } from '#policy';
import { compareDataPoint, identityLevel } from '#workflow';

import {
  closedPort,
  createScratchDatabase,
  type ScratchDatabase,
  type ScratchKind,
} from '../../../../test/support/scratch-databases.js';
import { SystemError } from '../connector.js';
import { checkSchema } from './check-schema.js';
import { findHeldDataPoints } from './held-data-points.js';
import { closeDatabasePools } from './sessions.js';

/**
 * Accounts with the data points, orders placed at instants (a timestamp with a time zone), orders taken in a shop
 * before the account existed, at naive local times and found by email alone, and orders imported with their dates
 * as text. Ann is in all three; Carol was
 * erased (her name masked, her phone hashed, her address nulled); Dan is known by his email only.
 */
function schema(kind: ScratchKind): string {
  const instant = kind === 'postgres' ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP(3) NULL';
  const naive = kind === 'postgres' ? 'TIMESTAMP' : 'DATETIME';
  // MariaDB reads a TIMESTAMP's text in the session's zone, set to UTC above the inserts.
  const utc = kind === 'postgres' ? '+00:00' : '';
  return `
${kind === 'mysql' ? "SET time_zone = '+00:00';" : ''}
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY, email VARCHAR(200), phone VARCHAR(80), full_name VARCHAR(200), address TEXT, born DATE,
  account_no VARCHAR(20));
CREATE TABLE orders (
  id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id), placed_at ${instant});
CREATE TABLE store_orders (id INTEGER PRIMARY KEY, email VARCHAR(200), ordered_on ${naive});
CREATE TABLE imported_orders (id INTEGER PRIMARY KEY, email VARCHAR(200), placed VARCHAR(40));
INSERT INTO accounts VALUES
  (1, 'ann@example.org', '+1 (555) 010-2030', 'Ann Example', '1 Market Street, San Francisco, CA 94105',
   '1990-05-01', 'AC-0042'),
  (2, 'bob@example.org', '+44 20 7946 0000', 'Bob Other', '9 Fillmore St, San Francisco, CA 94117', '1985-12-31',
   'AC-0043'),
  (3, 'carol@example.org', '${'ab'.repeat(32)}', '[erased]', NULL, '1970-01-02', NULL),
  (4, 'dan@example.org', NULL, NULL, NULL, NULL, NULL);
INSERT INTO orders VALUES
  (10, 1, '2024-03-01 12:00:00${utc}'), (11, 1, '2024-04-02 03:30:00${utc}'), (12, 1, '2024-03-01 20:00:00${utc}'),
  (13, 2, '2024-05-05 12:00:00${utc}');
INSERT INTO store_orders VALUES
  (20, 'ANN@EXAMPLE.ORG', '2023-12-24 23:30:00'), (21, 'bob@example.org', '2023-11-11 10:00:00');
INSERT INTO imported_orders VALUES
  (30, 'ann@example.org', '2024-02-10T23:00:00-08:00'), (31, 'ann@example.org', '2024-99-99T00:00:00Z');
`;
}

/**
 * The map of those tables. With `unread`, it also maps what the database lacks (a column of accounts that holds no
 * data point, a table of messages): reading either would fail, so a lookup that succeeds has not read them.
 */
function accountsSystem(kind: ScratchKind, options: { unread?: boolean; verifyAccounts?: string } = {}) {
  const verify =
    options.verifyAccounts ??
    '{ full_name: full_name, phone: phone, postal_address: address, date_of_birth: born, account_number: account_no }';
  const yaml = `organisation: scratch-verify
systems:
  - id: accounts-db
    name: Accounts
    kind: ${kind}
    connection: VERIFY_DB_URL
    tables:
      accounts:
        identity: { email: email, phone: { kind: phone, compare: digits } }
        columns: { id: identifiers, email: contact, phone: contact, full_name: contact, address: contact, born: identifiers, account_no: identifiers${options.unread ? ', notes: communications' : ''} }
        verify: ${verify}
        erasure: { update: { full_name: { text: '[erased]' }, phone: hash, address: null } }
      orders:
        follow: { account_id: accounts.id }
        columns: { id: identifiers, account_id: identifiers, placed_at: commercial }
        verify: { last_order_date: placed_at }
        erasure: { retain: legal_obligation, note: Tax law. }
      store_orders:
        identity: { email: { kind: email, compare: lower } }
        columns: { id: identifiers, email: contact, ordered_on: commercial }
        verify: { last_order_date: ordered_on }
        erasure: { retain: legal_obligation, note: Tax law. }
      imported_orders:
        identity: { email: email }
        columns: { id: identifiers, email: contact, placed: commercial }
        verify: { last_order_date: placed }
        erasure: { retain: legal_obligation, note: Tax law. }${
          options.unread
            ? `
      messages:
        follow: { account_id: accounts.id }
        columns: { id: identifiers, account_id: identifiers, body: communications }
        erasure: delete`
            : ''
        }
`;
  return parseDataMap('verify.datamap.yaml', yaml).systems[0] as DatabaseSystem;
}

const ANN = { email: 'ann@example.org' };

describe.each<ScratchKind>(['postgres', 'mysql'])('the data points a %s database holds', (kind) => {
  let database: ScratchDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createScratchDatabase(kind, 'verify');
    await database.exec(schema(kind));
    env = { VERIFY_DB_URL: database.url };
  });

  afterAll(async () => {
    await closeDatabasePools();
    await database.drop();
  });

  it('are the person’s values of each kind over every table they are found in, dates in the organisation’s zone', async () => {
    const system = accountsSystem(kind, { unread: true });
    const held = await findHeldDataPoints({ system, env }, ANN, { timeZone: 'America/Los_Angeles' });
    expect(held).toEqual({
      personFound: true,
      values: {
        full_name: ['Ann Example'],
        phone: ['+1 (555) 010-2030'],
        postal_address: ['1 Market Street, San Francisco, CA 94105'],
        date_of_birth: ['1990-05-01'],
        account_number: ['AC-0042'],
        // 2024-04-02 03:30 UTC is still 1 April in California; the shop's naive time is the date it was written on;
        // an instant written as text falls on its date in the zone, and text that only looks like one is as written.
        last_order_date: ['2023-12-24', '2024-02-10', '2024-03-01', '2024-04-01', '2024-99-99T00:00:00Z'],
      },
    });
    const inUtc = await findHeldDataPoints({ system, env }, ANN);
    expect(inUtc.values.last_order_date).toEqual([
      '2023-12-24',
      '2024-02-11',
      '2024-03-01',
      '2024-04-02',
      '2024-99-99T00:00:00Z',
    ]);
  });

  it('finds the person as access does: by a formatted phone number’s digits, and through the relations', async () => {
    const held = await findHeldDataPoints({ system: accountsSystem(kind), env }, { phone: '+15550102030' });
    expect(held.personFound).toBe(true);
    expect(held.values.full_name).toEqual(['Ann Example']);
    expect(held.values.last_order_date).toEqual(['2024-03-01', '2024-04-02']);
  });

  it('leaves out what erasure wrote in place of a value, and kinds the person has no value of', async () => {
    const carol = await findHeldDataPoints({ system: accountsSystem(kind), env }, { email: 'carol@example.org' });
    expect(carol).toEqual({ personFound: true, values: { date_of_birth: ['1970-01-02'] } });
    const dan = await findHeldDataPoints({ system: accountsSystem(kind), env }, { email: 'dan@example.org' });
    expect(dan).toEqual({ personFound: true, values: {} });
  });

  it('says when the person is not there at all', async () => {
    const nobody = { email: 'nobody@example.org', phone: '+15559990000' };
    expect(await findHeldDataPoints({ system: accountsSystem(kind), env }, nobody)).toEqual({
      personFound: false,
      values: {},
    });
  });

  it('gives what the matching rules need: Ann’s answers match, an impostor’s birthday does not', async () => {
    const held = await findHeldDataPoints({ system: accountsSystem(kind), env }, ANN, {
      timeZone: 'America/Los_Angeles',
    });
    const results = [
      compareDataPoint('full_name', 'example, ann', held.values.full_name ?? [], 'US'),
      compareDataPoint('postal_address', '1 Market St, SF 94105', held.values.postal_address ?? [], 'US'),
      compareDataPoint('last_order_date', '04/01/2024', held.values.last_order_date ?? [], 'US'),
    ];
    expect(results).toEqual(['matched', 'matched', 'matched']);
    expect(identityLevel({ emailHeld: held.personFound, results, declarationSigned: true })).toBe('high');
    const guessed = compareDataPoint('date_of_birth', '01/05/1990', held.values.date_of_birth ?? [], 'US');
    expect(identityLevel({ emailHeld: true, results: [...results, guessed], declarationSigned: true })).toBe('none');
  });

  it('fits the live schema check: dates, instants and naive timestamps hold dates; an integer holds no name', async () => {
    expect(await checkSchema(accountsSystem(kind), env)).toEqual([]);
    const wrong = accountsSystem(kind, { verifyAccounts: '{ full_name: id, date_of_birth: full_name }' });
    expect(await checkSchema(wrong, env)).toEqual([
      {
        path: 'tables.accounts.verify.full_name',
        message: `accounts.id is ${kind === 'postgres' ? 'integer' : 'int'}: a full_name is read from text`,
      },
    ]);
  });

  it('fails as the connector does: an unset variable, a column the database lacks, a database that is down', async () => {
    const unset = await findHeldDataPoints({ system: accountsSystem(kind), env: {} }, ANN).catch((e: unknown) => e);
    expect(unset).toEqual(new SystemError('misconfigured', 'environment variable VERIFY_DB_URL is not set'));

    const lacking = accountsSystem(kind, { verifyAccounts: '{ full_name: full_name, date_of_birth: account_no }' });
    lacking.tables[0].verify = { full_name: 'nickname' };
    const missing = await findHeldDataPoints({ system: lacking, env }, ANN).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SystemError);
    expect((missing as SystemError).errorClass).toBe('misconfigured');
    expect((missing as SystemError).detail).toBe(
      `${kind} error ${kind === 'postgres' ? '42703' : '1054'} while reading accounts`,
    );
    expect((missing as SystemError).message).not.toMatch(/ann|example/i);

    const scheme = kind === 'postgres' ? 'postgres' : 'mysql';
    const down = { VERIFY_DB_URL: `${scheme}://root@127.0.0.1:${await closedPort()}/nothing` };
    const unreachable = await findHeldDataPoints({ system: accountsSystem(kind), env: down }, ANN).catch(
      (e: unknown) => e,
    );
    expect((unreachable as SystemError).errorClass).toBe('unreachable');
  });

  it('reads a map stored before data points were mapped as holding none', async () => {
    const stored = accountsSystem(kind);
    for (const table of stored.tables) delete (table as { verify?: unknown }).verify;
    expect(await findHeldDataPoints({ system: stored, env }, ANN)).toEqual({ personFound: true, values: {} });
  });
});

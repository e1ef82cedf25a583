import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import type { DatabaseSystem, DataMap, MappedTable } from '#policy';

import {
  comparedValue,
  erasureOrder,
  fulfilmentPurposeFor,
  lookupOrder,
  outstandingTasks,
  planTasks,
  requesterIdentity,
  SYSTEM_TASK_STATES,
} from './fulfilment.js';

const table = (name: string, follows: string[]): MappedTable => ({
  name,
  key: 'id',
  identity: follows.length === 0 ? [{ column: 'email', kind: 'email', compare: 'exact' }] : [],
  relations: follows.map((parent) => ({ column: `${parent}_id`, table: parent, references: 'id' })),
  columns: { id: 'identifiers' },
  verify: {},
  erasure: { action: 'delete' },
});

const database = (tables: MappedTable[]): DatabaseSystem => ({
  id: 'db',
  name: 'Database',
  kind: 'postgres',
  connection: 'DB_URL',
  purposes: [],
  sources: [],
  recipients: [],
  tables,
});

// A random acyclic relation graph, its tables listed in a shuffled order: table i may follow only tables before i.
const acyclicTables = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => `t${j}`)))),
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    ),
  )
  .map(([follows, order]) => order.map((i) => table(`t${i}`, follows[i])));

describe('lookupOrder and erasureOrder', () => {
  it('read every table once, each after every table it follows; erasure is the same backwards', () => {
    fc.assert(
      fc.property(acyclicTables, (tables) => {
        const order = lookupOrder(database(tables)).map((t) => t.name);
        expect([...order].sort()).toEqual(tables.map((t) => t.name).sort());
        for (const t of tables)
          for (const r of t.relations) expect(order.indexOf(r.table)).toBeLessThan(order.indexOf(t.name));
        expect(erasureOrder(database(tables)).map((t) => t.name)).toEqual([...order].reverse());
      }),
    );
  });

  it('treats a table that refers to itself as ready', () => {
    expect(lookupOrder(database([table('a', []), table('b', ['a', 'b'])])).map((t) => t.name)).toEqual(['a', 'b']);
  });
});

describe('comparedValue', () => {
  const identity = requesterIdentity({ email: '  Ann@Example.ORG ', phone: '+1 (415) 555-0134', accountId: ' A-1 ' });

  it('normalises what the requester gave: lower-case email, E.164 phone, trimmed account id', () => {
    expect(identity).toEqual({ email: 'ann@example.org', phone: '+14155550134', accountId: 'A-1' });
  });

  it.each([
    ['email', 'exact', 'ann@example.org'],
    ['email', 'lower', 'ann@example.org'],
    ['phone', 'exact', '+14155550134'],
    ['phone', 'digits', '14155550134'],
    ['account_id', 'exact', 'A-1'],
    ['account_id', 'lower', 'a-1'],
  ] as const)('%s compared %s reads %s', (kind, compare, expected) => {
    expect(comparedValue(identity, { column: 'c', kind, compare })).toBe(expected);
  });

  it('gives nothing for a kind the requester did not give', () => {
    expect(
      comparedValue(requesterIdentity({ email: 'a@b.example' }), { column: 'p', kind: 'phone', compare: 'digits' }),
    ).toBeNull();
  });
});

describe('planning', () => {
  const map: DataMap = {
    organisation: 'acme',
    systems: [
      { ...database([table('customers', [])]), optOut: { table: 'customers', column: 'sells', value: false } },
      {
        id: 'desk',
        name: 'Desk',
        kind: 'http',
        connection: 'U',
        secret: 'S',
        categories: ['communications'],
        purposes: [],
        sources: [],
        recipients: [],
      },
      {
        id: 'paper',
        name: 'Paper',
        kind: 'manual',
        tasks: ['Look'],
        categories: ['contact'],
        purposes: [],
        sources: [],
        recipients: [],
      },
    ],
  };
  const states = (purpose: Parameters<typeof planTasks>[1]) => planTasks(map, purpose).map((p) => p.state);

  it('asks every system to find and erase, only databases to dry-run, only flag holders to opt out', () => {
    expect(states('access')).toEqual(['waiting', 'waiting', 'waiting']);
    expect(states('erasure')).toEqual(['waiting', 'waiting', 'waiting']);
    expect(states('erasure_preview')).toEqual(['waiting', 'skipped', 'skipped']);
    expect(states('opt_out')).toEqual(['waiting', 'skipped', 'skipped']);
    expect(planTasks(map, 'opt_out')[1].reason).toBe('holds no sale/share flag in the data map');
  });

  it('gives each request type its purpose', () => {
    expect(['access', 'portability', 'categories'].map((t) => fulfilmentPurposeFor(t as never))).toEqual([
      'access',
      'access',
      'access',
    ]);
    expect(fulfilmentPurposeFor('deletion')).toBe('erasure_preview');
    expect(fulfilmentPurposeFor('opt_out_sale_share')).toBe('opt_out');
    expect(fulfilmentPurposeFor('correction')).toBeNull();
  });

  it('counts a task outstanding unless done, skipped or closed', () => {
    const outstanding = outstandingTasks(SYSTEM_TASK_STATES.map((state) => ({ state }))).map((t) => t.state);
    expect(outstanding).toEqual(['waiting', 'running', 'failed', 'awaiting_vendor', 'awaiting_staff']);
  });
});

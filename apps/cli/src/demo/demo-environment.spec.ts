import { describe, expect, it } from '@jest/globals';

import { environmentNamesOf, isDatabaseSystem, loadDataMaps, loadPolicies } from '#policy';

import { applyUnset, DEMO_SUPPORT_SECRET, demoVariables, seedDataMaps } from './demo-environment.js';

const settings = { databaseUrl: 'postgres://app:pw@db.internal:6543/rightsdesk', port: 4100 };
const slugs = loadPolicies('seeds').map(({ policy }) => policy.slug);

describe('the seed data maps and their development values', () => {
  it('are five, one per seeded organisation, and each parses', () => {
    expect(seedDataMaps('seeds').map((map) => map.organisation)).toEqual(slugs);
  });

  it('give every variable a map names a value, so every map loads in development', () => {
    const variables = seedDataMaps('seeds').flatMap((map) => demoVariables(map, settings));
    const env = Object.fromEntries(variables.map((v) => [v.name, v.value]));
    const named = seedDataMaps('seeds').flatMap((map) => map.systems.flatMap(environmentNamesOf));
    expect(Object.keys(env).sort()).toEqual([...new Set(named)].sort());
    const loaded = loadDataMaps('seeds', slugs, env);
    expect(loaded.filter((l) => !l.ok).map((l) => !l.ok && l.error.message)).toEqual([]);
    expect(loadDataMaps('seeds', slugs, {}).filter((l) => l.ok)).toEqual([]);
  });

  it('point each database at its demo database and each support desk at the api dev route', () => {
    const values = (slug: string) =>
      Object.fromEntries(
        demoVariables(
          seedDataMaps('seeds').find((m) => m.organisation === slug)!,
          settings,
        ).map((v) => [v.name, v.value]),
      );
    expect(values('prontotrak')).toEqual({
      // Beside Rightsdesk's own database, on its server with its credentials.
      PRONTOTRAK_CUSTOMER_DB_URL: 'postgres://app:pw@db.internal:6543/rightsdesk_demo_prontotrak',
      PRONTOTRAK_SUPPORT_URL: 'http://127.0.0.1:4100/dev/demo-systems/prontotrak/support',
      PRONTOTRAK_SUPPORT_SECRET: DEMO_SUPPORT_SECRET,
    });
    expect(values('securus-technologies').SECURUS_TECHNOLOGIES_CUSTOMER_DB_URL).toBe(
      'mysql://root@127.0.0.1:3306/rightsdesk_demo_securus_technologies',
    );
  });

  it('make the choices each policy calls for', () => {
    const maps = new Map(seedDataMaps('seeds').map((map) => [map.organisation, map]));
    const kinds = (slug: string) => maps.get(slug)!.systems.map((s) => s.kind);
    expect(kinds('officertrak')).toEqual(['postgres', 'http', 'manual']);
    expect(kinds('securus-technologies')).toEqual(['mysql', 'http']);
    expect(kinds('west-schoolmessenger')).toEqual(['postgres', 'http', 'email_vendor']);
    const withOptOut = [...maps.values()].filter((map) => map.systems.some((s) => isDatabaseSystem(s) && s.optOut));
    expect(withOptOut.map((map) => map.organisation)).toEqual(['prontotrak']);
    const erasure = (slug: string) =>
      Object.fromEntries(
        maps
          .get(slug)!
          .systems.filter(isDatabaseSystem)
          .flatMap((s) => s.tables)
          .map((t) => [t.name, t.erasure.action === 'retain' ? t.erasure.exemption : t.erasure.action]),
      );
    expect(erasure('officertrak')).toEqual({
      customers: 'delete',
      orders: 'delete',
      order_items: 'delete',
      messages: 'delete',
      tickets: 'delete',
    });
    expect(erasure('prontotrak')).toEqual({
      customers: 'update',
      orders: 'legal_obligation',
      order_items: 'legal_obligation',
      messages: 'update',
      tickets: 'delete',
    });
  });

  it('leave a variable the developer set as it is', () => {
    const target: NodeJS.ProcessEnv = { A: 'mine' };
    const set = applyUnset(target, [
      { name: 'A', value: 'demo' },
      { name: 'B', value: 'demo' },
    ]);
    expect(target).toEqual({ A: 'mine', B: 'demo' });
    expect(set.map((v) => v.name)).toEqual(['B']);
  });
});

import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { DataMapVersion, Organisation } from '#db';
import { closeDatabasePools } from '#systems';

import { useServiceDatabase } from '../../../test/support/service-database.js';
import { demoVariables, seedDataMaps as readSeedMaps } from './demo/demo-environment.js';
import { dataMapSeedLines, seedDataMaps } from './seed-data-maps.js';

const db = useServiceDatabase();
const env = Object.fromEntries(
  readSeedMaps('seeds')
    .flatMap((map) => demoVariables(map, { databaseUrl: 'postgres://postgres@127.0.0.1:5432/x', port: 3000 }))
    .map((v) => [v.name, v.value]),
);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('seeding the data maps', () => {
  let seeds: string;

  beforeAll(() => {
    // The real maps, with West's broken: its orders are kept while the customers they point at are deleted.
    seeds = mkdtempSync(join(tmpdir(), 'rightsdesk-maps-'));
    for (const name of readdirSync('seeds').filter((n) => n.endsWith('.datamap.yaml')))
      copyFileSync(join('seeds', name), join(seeds, name));
    const west = join(seeds, 'west-schoolmessenger.datamap.yaml');
    const text = readFileSync(west, 'utf8');
    const broken = text.replace(
      /(      customers:[\s\S]*?)erasure:\n          update:[\s\S]*?\n      orders:/,
      '$1erasure: delete\n      orders:',
    );
    expect(broken).not.toBe(text);
    writeFileSync(west, broken);
  });

  afterAll(() => rmSync(seeds, { recursive: true, force: true }));

  const current = async () =>
    Object.fromEntries(
      (await db.dataSource.getRepository(Organisation).find({ order: { slug: 'ASC' } })).map((o) => [
        o.slug,
        o.currentDataMapVersionId,
      ]),
    );

  it('stores each sound map as its organisation current version, and names the broken one with file, path and reason', async () => {
    const results = await seedDataMaps(db.dataSource, seeds, env);
    expect(results.map((r) => [r.organisation, r.state])).toEqual([
      ['officertrak', 'new version'],
      ['prontotrak', 'new version'],
      ['securus-software', 'new version'],
      ['securus-technologies', 'new version'],
      ['west-schoolmessenger', 'refused'],
    ]);
    const printed = dataMapSeedLines(results).join('\n');
    expect(printed).toContain('seed: west-schoolmessenger data map refused');
    expect(printed).toContain(
      `${join(seeds, 'west-schoolmessenger.datamap.yaml')}: systems[0].tables.orders.follow.customer_id: customers is deleted while orders keeps rows that refer to it`,
    );
    const versions = await db.dataSource.getRepository(DataMapVersion).find();
    const byOrganisation = await current();
    expect(byOrganisation['west-schoolmessenger']).toBeNull();
    for (const slug of ['officertrak', 'prontotrak', 'securus-software', 'securus-technologies']) {
      const version = versions.find((v) => v.id === byOrganisation[slug]);
      expect(version?.contentHash).toBe(sha256(join(seeds, `${slug}.datamap.yaml`)));
      expect(version?.document.organisation).toBe(slug);
    }
  });

  it('changes nothing the second time, and a map naming an unset variable is refused with its name', async () => {
    const before = { current: await current(), versions: await db.dataSource.getRepository(DataMapVersion).count() };
    const withoutSecret = { ...env };
    delete withoutSecret.PRONTOTRAK_SUPPORT_SECRET;
    const results = await seedDataMaps(db.dataSource, seeds, withoutSecret);
    expect(results.map((r) => r.state)).toEqual(['unchanged', 'refused', 'unchanged', 'unchanged', 'refused']);
    expect(dataMapSeedLines(results).join('\n')).toContain(
      'prontotrak.datamap.yaml: systems[1]: environment variable PRONTOTRAK_SUPPORT_SECRET is not set',
    );
    expect({ current: await current(), versions: await db.dataSource.getRepository(DataMapVersion).count() }).toEqual(
      before,
    );
  });

  it('refuses a map that does not fit its live database, naming the table, and seeds one whose database is down', async () => {
    // ProntoTrak's customer database holds only an older customers table; Securus Software's cannot be reached.
    const live = `rd_seedcheck_${Date.now().toString(36)}`;
    const admin = db.dataSource;
    await admin.query(`CREATE DATABASE ${live}`);
    const liveUrl = `postgres://postgres@127.0.0.1:5432/${live}`;
    const { Client } = (await import('pg')).default;
    const client = new Client({ connectionString: liveUrl });
    await client.connect();
    await client.query('CREATE TABLE customers (id integer PRIMARY KEY, email text)');
    await client.end();
    try {
      const before = await current();
      const results = await seedDataMaps(db.dataSource, seeds, {
        ...env,
        PRONTOTRAK_CUSTOMER_DB_URL: liveUrl,
        SECURUS_SOFTWARE_CUSTOMER_DB_URL: 'postgres://postgres@127.0.0.1:1/down',
      });
      const printed = dataMapSeedLines(results).join('\n');
      expect(results.find((r) => r.organisation === 'prontotrak')?.state).toBe('refused');
      expect(printed).toContain(
        `prontotrak.datamap.yaml: systems[0].tables.customers.columns.phone: no column "phone" in customers`,
      );
      expect(printed).toContain(`prontotrak.datamap.yaml: systems[0].tables.orders: no table or view "orders"`);
      expect((await current()).prontotrak).toBe(before.prontotrak);
      expect(results.find((r) => r.organisation === 'securus-software')?.state).not.toBe('refused');
      expect(printed).toMatch(
        /Customer and licence database was not checked against its live schema \(unreachable: postgres error ECONNREFUSED/,
      );
      expect(printed).not.toContain('127.0.0.1:1');
    } finally {
      await closeDatabasePools();
      await admin.query(`DROP DATABASE ${live} WITH (FORCE)`);
    }
  });
});

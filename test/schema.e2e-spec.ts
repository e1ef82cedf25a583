import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';

import { createDataSource, Organisation, pendingSchemaChanges, PolicyVersion } from '#db';

import { seedOrganisations } from '../apps/cli/src/seed.command.js';
import { testDatabaseUrl } from './support/test-env.js';

describe('schema and seeds', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource(testDatabaseUrl()).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('has a migration for every entity change (the migrated database matches the entities exactly)', async () => {
    const { up } = await pendingSchemaChanges(dataSource);
    expect(up).toEqual([]);
  });

  it('seeds the five organisations idempotently: a second run changes nothing', async () => {
    const count = async () => ({
      organisations: await dataSource.getRepository(Organisation).count(),
      versions: await dataSource.getRepository(PolicyVersion).count(),
      updated: (await dataSource.getRepository(Organisation).find({ order: { slug: 'ASC' } })).map((o) =>
        o.updatedAt.toISOString(),
      ),
    });
    const before = await count();
    const results = await seedOrganisations(dataSource, 'seeds');
    expect(results.map((r) => [r.slug, r.created, r.newPolicyVersion, r.demoAdmin])).toEqual([
      ['officertrak', false, false, undefined],
      ['prontotrak', false, false, undefined],
      ['securus-software', false, false, undefined],
      ['securus-technologies', false, false, undefined],
      ['west-schoolmessenger', false, false, undefined],
    ]);
    expect(await count()).toEqual(before);
    expect(before.organisations).toBe(5);
    expect(before.versions).toBe(5);
  });
});

import { afterAll, beforeAll } from '@jest/globals';
import type { DataSource } from 'typeorm';

import { createDataSource, type OrganisationContext, OrganisationDirectory } from '#db';

import { createSeededDatabase, dropDatabase, uniqueRunName } from './run-storage.js';

export interface ServiceDatabase {
  url: string;
  dataSource: DataSource;
  directory: OrganisationDirectory;
  organisation(slug: string): Promise<OrganisationContext>;
}

/**
 * A seeded database of the test file's own, for service tests that run application code in process: what they
 * write (outbox rows among it) is never relayed by another spec's worker. Filled in by beforeAll, dropped after.
 */
export function useServiceDatabase(): ServiceDatabase {
  const handle = {} as ServiceDatabase;
  beforeAll(async () => {
    handle.url = createSeededDatabase(`rightsdesk_service_${uniqueRunName()}`);
    handle.dataSource = await createDataSource(handle.url, { poolSize: 4 }).initialize();
    handle.directory = new OrganisationDirectory(handle.dataSource);
    handle.organisation = async (slug) => {
      const context = await handle.directory.bySlug(slug);
      if (!context) throw new Error(`${slug} is not seeded`);
      return context;
    };
  }, 60_000);
  afterAll(async () => {
    await handle.dataSource?.destroy();
    if (handle.url) await dropDatabase(handle.url);
  }, 30_000);
  return handle;
}

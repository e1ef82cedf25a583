import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** Schema changes go through migrations only; synchronize stays off everywhere. */
export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    // PostgreSQL 13+ has gen_random_uuid() built in: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: options.poolSize ?? 10 },
  });
}

/** SQL that would bring the database to the entities' shape: empty when migrations cover every entity. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  // Down queries undo the up queries, so they run in reverse order.
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query).reverse() };
}

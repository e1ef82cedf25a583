import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { createDataSource, pendingSchemaChanges } from '#db';

import { migrationQueries } from './migration-sql.js';

/**
 * Writes a migration holding what the entities need beyond the applied migrations.
 * Run against a database migrated to the latest migration.
 */
export async function generateMigration(databaseUrl: string, name: string, outDir: string): Promise<string | null> {
  const dataSource = await createDataSource(databaseUrl).initialize();
  try {
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) return null;
    const timestamp = Date.now();
    const pascal = name
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join('');
    const className = `${pascal}${timestamp}`;
    const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${migrationQueries(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${migrationQueries(down)}
  }
}
`;
    const file = join(outDir, `${timestamp}-${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.migration.ts`);
    await writeFile(file, source);
    return file;
  } finally {
    await dataSource.destroy();
  }
}

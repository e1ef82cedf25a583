import { writeFileSync } from 'node:fs';

import type { DatabaseKind } from '#policy';
import { readDatabaseSchema } from '#systems';

import { draftDataMap, PLACEHOLDER } from './datamap-draft.js';

const KINDS: Record<string, DatabaseKind> = {
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

/**
 * `rightsdesk datamap draft <connection-url> [--out <file>]`: reads the database's schema and writes a draft map to
 * the file (never over an existing one) or to stdout. Returns the line to print when done. Errors never repeat the
 * URL: it may hold a password.
 */
export async function draftFromDatabase(
  url: string,
  out: string | undefined,
): Promise<{ yaml?: string; summary: string }> {
  const kind = URL.canParse(url) ? KINDS[new URL(url).protocol] : undefined;
  if (!kind) throw new Error('datamap draft: expected a postgres://, postgresql://, mysql:// or mariadb:// URL');
  const { yaml, placeholders, tables } = draftDataMap(await readDatabaseSchema(kind, url));
  const summary = `datamap draft: ${tables} tables; replace ${placeholders} ${PLACEHOLDER} placeholders, then run rightsdesk datamap validate`;
  if (!out) return { yaml, summary };
  try {
    writeFileSync(out, yaml, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`datamap draft: ${out} exists; draft writes only a new file`);
    throw error;
  }
  return { summary: `${summary} (${out})` };
}

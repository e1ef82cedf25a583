import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type DatabaseKind, type DataMap, isDatabaseSystem, parseDataMap } from '#policy';

/**
 * What the seed data maps' environment variables are set to in development, when unset: each organisation's demo
 * customer database, and the api's dev support desk. The values hold no secret worth keeping: they are published here.
 */
export const DEMO_SUPPORT_SECRET = 'rightsdesk-demo-support-secret-not-for-production';

/** MariaDB as this machine kind runs it: root with an empty password on the loopback address. */
const DEMO_MARIADB_SERVER = 'mysql://root@127.0.0.1:3306';

/** A database an organisation's data map reaches, at the URL its variable holds. */
export interface DemoDatabase {
  organisation: string;
  kind: DatabaseKind;
  url: string;
}

export interface DemoVariable {
  name: string;
  value: string;
  /** Set when the variable is a demo database's URL. */
  database?: DemoDatabase;
}

/** `rightsdesk_demo_<slug>` beside the default database: named after Rightsdesk's own, so each has its own. */
export function demoDatabaseName(databaseUrl: string, slug: string): string {
  return `${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}_demo_${slug.replace(/-/g, '_')}`;
}

/** The dev route standing in for an organisation's support desk (served by the api outside production). */
export function demoSupportUrl(slug: string, port: number): string {
  return `http://127.0.0.1:${port}/dev/demo-systems/${slug}/support`;
}

/**
 * The development value of every variable a data map names. PostgreSQL demo databases sit beside Rightsdesk's own
 * (DATABASE_URL's server and credentials); the MariaDB one on the local server. Both are named after Rightsdesk's
 * database, so a test's own database gets demo databases of its own.
 */
export function demoVariables(map: DataMap, settings: { databaseUrl: string; port: number }): DemoVariable[] {
  const slug = map.organisation;
  return map.systems.flatMap((system): DemoVariable[] => {
    if (isDatabaseSystem(system)) {
      const url = new URL(system.kind === 'postgres' ? settings.databaseUrl : DEMO_MARIADB_SERVER);
      url.pathname = `/${demoDatabaseName(settings.databaseUrl, slug)}`;
      const value = url.toString();
      return [{ name: system.connection, value, database: { organisation: slug, kind: system.kind, url: value } }];
    }
    if (system.kind === 'http')
      return [
        { name: system.connection, value: demoSupportUrl(slug, settings.port) },
        { name: system.secret, value: DEMO_SUPPORT_SECRET },
      ];
    return [];
  });
}

/** The seed data maps that parse, read for the variables they name; the seed reports the ones that do not. */
export function seedDataMaps(seedsDir: string): DataMap[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.datamap.yaml'))
    .sort()
    .flatMap((name) => {
      try {
        return [parseDataMap(name, readFileSync(join(seedsDir, name), 'utf8'))];
      } catch {
        return [];
      }
    });
}

/** Sets each variable that is unset in `target`; returns the ones it set. A value the developer gave is kept. */
export function applyUnset(target: NodeJS.ProcessEnv, variables: DemoVariable[]): DemoVariable[] {
  return variables.filter((variable) => {
    if (target[variable.name]) return false;
    target[variable.name] = variable.value;
    return true;
  });
}

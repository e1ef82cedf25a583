import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

import { loadEnv } from '#config';
import { environmentNamesOf, loadDataMaps, loadPolicies } from '#policy';

import { seedDataMaps } from '../apps/cli/src/demo/demo-environment.js';

/** Read, not run (no Docker engine here): the compose file's structure and the image's Node version. */
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  'x-app-env': Record<string, string>;
};
const services = compose.services;
const APP = ['migrate', 'api', 'worker', 'mailbox'];
const LONG_RUNNING = ['postgres', 'mariadb', 'redis', 'mailpit', 'api', 'worker', 'mailbox'];

/** Whether the newest release of a Node major satisfies an engines range of the forms npm packages use here. */
function majorSatisfies(major: number, range: string): boolean {
  const version = (text: string) => text.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  const atLeast = (text: string) => {
    const [a = 0, b = 0, c = 0] = version(text);
    return major > a || (major === a && 999 >= b && 999 >= c);
  };
  return range.split('||').some((alternative) => {
    const spec = alternative.trim().replace(/\s+/g, '');
    if (spec === '*' || spec === '') return true;
    if (spec.startsWith('>=')) return atLeast(spec.slice(2));
    if (spec.startsWith('^')) return version(spec.slice(1))[0] === major;
    if (/^\d+\.\*$/.test(spec)) return Number(spec.split('.')[0]) === major;
    throw new Error(`engines range "${range}" is not understood by this test`);
  });
}

describe('docker-compose.yml', () => {
  it('builds the image once, names it, and runs every app service from it', () => {
    const built = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(built.map(([name]) => name)).toEqual(['migrate']);
    const image = services.migrate.image;
    expect(image).toMatch(/^rightsdesk:/);
    for (const name of APP) expect([name, services[name].image]).toEqual([name, image]);
  });

  it('migrates once, before the api, the worker and the mailbox start, each after the stores it uses are healthy', () => {
    expect(services.migrate.command?.join(' ')).toMatch(/main\.js migrate .*main\.js seed .*main\.js demo-databases/);
    expect(services.migrate.restart ?? 'no').toBe('no');
    expect(services.migrate.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      mariadb: { condition: 'service_healthy' },
    });
    for (const name of ['postgres', 'mariadb', 'redis'])
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
    // The mailbox needs only the database; the api and the worker also use Redis, and MariaDB's demo customer database.
    const uses: Record<string, string[]> = {
      api: ['postgres', 'mariadb', 'redis'],
      worker: ['postgres', 'mariadb', 'redis'],
      mailbox: ['postgres'],
    };
    for (const [name, stores] of Object.entries(uses)) {
      const dependsOn = services[name].depends_on ?? {};
      expect([name, dependsOn.migrate]).toEqual([name, { condition: 'service_completed_successfully' }]);
      for (const store of stores)
        expect([name, store, dependsOn[store]]).toEqual([name, store, { condition: 'service_healthy' }]);
      expect(services[name].command?.join(' ')).not.toMatch(/migrate/);
    }
  });

  it('restarts every long-running service, and checks the api and the mailbox are answering', () => {
    for (const name of LONG_RUNNING) expect([name, services[name].restart]).toEqual([name, 'unless-stopped']);
    expect(services.api.healthcheck?.test.join(' ')).toContain('/health');
    expect(services.mailbox.healthcheck?.test.join(' ')).toContain('2525');
  });

  it('starts with its demo APP_SECRET on localhost only: published here, it is refused on a PUBLIC_URL others reach', () => {
    const env = {
      ...compose['x-app-env'],
      APP_SECRET: /^\$\{APP_SECRET:-(.+)\}$/.exec(compose['x-app-env'].APP_SECRET)![1],
    };
    expect(loadEnv(env).isProduction).toBe(true);
    expect(() => loadEnv({ ...env, PUBLIC_URL: 'https://rights.example.com' })).toThrow(
      /APP_SECRET: docker-compose.yml's demo secret is only allowed with a local PUBLIC_URL/,
    );
  });

  it('publishes the api on 3000 and the privacy mailbox on 2525, and runs no database it does not use', () => {
    expect(services.api.ports).toEqual(['3000:3000']);
    expect(services.mailbox.ports).toEqual(['2525:2525']);
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'mailbox',
      'mailpit',
      'mariadb',
      'migrate',
      'postgres',
      'redis',
      'worker',
    ]);
  });
});

describe('docker-compose.yml and the seed data maps', () => {
  it('sets every variable the seed data maps name, so every organisation gets its connected systems', () => {
    const named = seedDataMaps('seeds').flatMap((map) => map.systems.flatMap(environmentNamesOf));
    expect(named.filter((name) => !compose['x-app-env'][name])).toEqual([]);
    const slugs = loadPolicies('seeds').map(({ policy }) => policy.slug);
    const refused = loadDataMaps('seeds', slugs, compose['x-app-env']).filter((loaded) => !loaded.ok);
    expect(refused.map((loaded) => loaded.fileName)).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it("runs on a Node version every production dependency's engines accept, as a non-root user", () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const major = Number(/^FROM node:(\d+)-/m.exec(dockerfile)?.[1]);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => !p.dev && !Array.isArray(p.engines) && typeof p.engines?.node === 'string')
      .filter(([, p]) => !majorSatisfies(major, (p.engines as { node: string }).node))
      .map(([name]) => name || 'rightsdesk');
    expect(refusing).toEqual([]);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm ci/);
  });
});

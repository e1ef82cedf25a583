import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { Env } from '#config';
import { loadPolicies } from '#policy';

import { answersOk, launchNode, waitUntilReady } from './process-launcher.js';

const APPS = ['api', 'worker', 'mailbox'] as const;

/** A demo admin the seed of this start created. */
export interface DemoAdmin {
  organisation: string;
  email: string;
  password: string;
}

/** The demo accounts this start's seed created: one admin per new organisation, and an operator when there was none. */
export interface DemoStaff {
  admins: DemoAdmin[];
  operator: { email: string; password: string } | null;
}

/**
 * Runs the api, the worker and the inbound mailbox as separate processes; stopping one stops the system. The demo
 * admins created by this start's seed close the banner, where they are not lost among the processes' start-up logs,
 * after the lines saying which demo customer databases there are and whom to file a request for; the demo operator
 * last.
 */
export async function startSystem(
  env: Env,
  { admins: demoAdmins, operator }: DemoStaff = { admins: [], operator: null },
  demoLines: string[] = [],
): Promise<void> {
  const children = new Map<string, ChildProcess>();
  const stopAll = (signal: NodeJS.Signals) => children.forEach((child) => child.kill(signal));
  for (const app of APPS) {
    const entry = fileURLToPath(new URL(`../../${app}/src/main.js`, import.meta.url));
    const child = launchNode(entry, { env: process.env });
    child.on('exit', (code, signal) => {
      children.delete(app);
      if (children.size > 0) {
        console.error(`${app} stopped (${signal ?? code}); stopping the rest`);
        stopAll('SIGTERM');
      }
      process.exitCode = code ?? 1;
    });
    children.set(app, child);
  }
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));

  const health = `http://127.0.0.1:${env.PORT}/health`;
  await waitUntilReady(answersOk(health), { intervalMs: 250, failure: `the api did not answer ${health}` });
  console.log('\nRightsdesk is running. Request forms:');
  const policies = loadPolicies(env.SEEDS_DIR).map((l) => l.policy);
  const width = Math.max(...policies.map((p) => p.name.length));
  for (const policy of policies)
    console.log(`  ${policy.name.padEnd(width)}  ${env.PUBLIC_URL}/o/${policy.slug}/requests/new`);
  console.log(`Staff console: ${env.PUBLIC_URL}/staff`);
  for (const line of demoLines) console.log(line);
  if (demoAdmins.length > 0) {
    console.log('First start: the demo admins, shown this once (a lost one: rightsdesk staff reset-password EMAIL):');
    const emailWidth = Math.max(...demoAdmins.map((a) => a.email.length));
    for (const admin of demoAdmins)
      console.log(`  ${admin.email.padEnd(emailWidth)}  password: ${admin.password}  (${admin.organisation})`);
  } else {
    console.log(
      '  Sign in with a demo admin printed at the first start; a lost password: rightsdesk staff reset-password EMAIL',
    );
  }
  if (operator)
    console.log(
      `Platform operator (new organisations from their policies at ${env.PUBLIC_URL}/staff/platform), shown this once: ${operator.email}  password: ${operator.password}`,
    );
  if (!env.SMTP_URL) console.log(`Mail goes to the dev mailbox: ${env.PUBLIC_URL}/dev/mailbox`);
  console.log(`Mail to the organisations' privacy addresses is taken by SMTP on port ${env.INBOUND_SMTP_PORT}`);
}

import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { addPlatformOperator, addStaffMember, createDataSource, Organisation, type StaffRole } from '#db';

import { csrfTokenIn, FormClient } from './form-client.js';
import { testDatabaseUrl } from './test-env.js';

export interface StaffAccount {
  email: string;
  password: string;
  name: string;
}

/**
 * A staff user of the run's database (or the one given) with the given role in each named organisation, made as the
 * seed makes demo admins (straight in the database): the fixture for tests about something else. How people join an
 * organisation in the product (invitations) is tested through acceptInvitation.
 */
export async function createStaff(
  roles: Record<string, StaffRole>,
  name = 'Test Agent',
  databaseUrl = testDatabaseUrl(),
): Promise<StaffAccount> {
  const account = {
    email: `staff-${randomBytes(5).toString('hex')}@example.org`,
    password: randomBytes(12).toString('base64url'),
    name,
  };
  const dataSource = await createDataSource(databaseUrl, { poolSize: 1 }).initialize();
  try {
    for (const [slug, role] of Object.entries(roles)) {
      const organisation = await dataSource.getRepository(Organisation).findOneByOrFail({ slug });
      await addStaffMember(dataSource.manager, { ...account, organisationId: organisation.id, role });
    }
  } finally {
    await dataSource.destroy();
  }
  return account;
}

/** A platform operator of the run's database (or the one given), made as the CLI's `staff add-operator` makes one. */
export async function createOperator(name = 'Test Operator', databaseUrl = testDatabaseUrl()): Promise<StaffAccount> {
  const account = {
    email: `operator-${randomBytes(5).toString('hex')}@example.org`,
    password: randomBytes(12).toString('base64url'),
    name,
  };
  const dataSource = await createDataSource(databaseUrl, { poolSize: 1 }).initialize();
  try {
    await addPlatformOperator(dataSource.manager, account);
  } finally {
    await dataSource.destroy();
  }
  return account;
}

/** A browser-like client signed in as the account. */
export async function signIn(baseUrl: string, account: StaffAccount): Promise<FormClient> {
  const client = new FormClient(baseUrl);
  const response = await client.submitForm('/staff/sign-in', '/staff/sign-in', {
    email: account.email,
    password: account.password,
    next: '/staff',
  });
  if (response.status !== 303) throw new Error(`sign-in as ${account.email} answered ${response.status}`);
  return client;
}

/** Every link under `prefix` in mails the dev mailbox caught for the address, oldest first. */
export async function mailedLinks(email: string, prefix: string, databaseUrl = testDatabaseUrl()): Promise<string[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ text: string }>(
      'SELECT text FROM dev_mail WHERE lower(recipient) = lower($1) ORDER BY id',
      [email],
    );
    return rows.flatMap((r) =>
      [...r.text.matchAll(new RegExp(`https?://[^\\s]*${prefix}[^\\s]+`, 'g'))].map((m) => new URL(m[0]).pathname),
    );
  } finally {
    await db.end();
  }
}

/** Waits for one more mailed link under `prefix` than `known`, as the worker sends it; returns its path. */
export async function nextMailedLink(email: string, prefix: string, known = 0): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const links = await mailedLinks(email, prefix);
    if (links.length > known) return links[links.length - 1];
    if (Date.now() > deadline) throw new Error(`no mail with a ${prefix} link reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens the address's latest invitation mail and accepts it as the invitee would: a new account chooses its name
 * and password, an existing one enters its own password. Returns the acceptance's answer.
 */
export async function acceptInvitation(
  baseUrl: string,
  invitee: { email: string; password: string; name?: string },
  known = 0,
) {
  const link = await nextMailedLink(invitee.email, '/staff/invitations/', known);
  const client = new FormClient(baseUrl);
  const page = await client.get(link);
  if (page.status !== 200) throw new Error(`invitation link answered ${page.status}`);
  const fields: Record<string, string> = page.body.includes('name="repeat"')
    ? { name: invitee.name ?? 'Invited Person', password: invitee.password, repeat: invitee.password }
    : { password: invitee.password };
  return { link, page, answer: await client.post(link, { _csrf: csrfTokenIn(page.body), ...fields }) };
}

import { randomBytes } from 'node:crypto';
import { addStaffMember, createDataSource, Organisation, type StaffRole } from '#db';
import { FormClient } from './form-client.js';
import { testDatabaseUrl } from './test-env.js';

export interface StaffAccount {
  email: string;
  password: string;
  name: string;
}

/** A staff user of the run's database (or the one given) with the given role in each named organisation. */
export async function createStaff(roles: Record<string, StaffRole>, name = 'Test Agent', databaseUrl = testDatabaseUrl()): Promise<StaffAccount> {
  const account = { email: `staff-${randomBytes(5).toString('hex')}@example.org`, password: randomBytes(12).toString('base64url'), name };
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

/** A browser-like client signed in as the account. */
export async function signIn(baseUrl: string, account: StaffAccount): Promise<FormClient> {
  const client = new FormClient(baseUrl);
  const response = await client.submitForm('/staff/sign-in', '/staff/sign-in', { email: account.email, password: account.password, next: '/staff' });
  if (response.status !== 303) throw new Error(`sign-in as ${account.email} answered ${response.status}`);
  return client;
}

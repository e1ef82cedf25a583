import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';

import { type OrganisationPolicy, PolicyFileError } from '#policy';

import { useServiceDatabase } from '../../../test/support/service-database.js';
import { StaffMembership } from './entities/staff-membership.entity.js';
import { publishPolicyVersion, PublishRefused } from './policy-publishing.js';
import { addPlatformOperator } from './staff-accounts.js';

const TEXT = readFileSync(new URL('../../../seeds/policies-text/prontotrak.txt', import.meta.url), 'utf8');

describe('publishing a policy version (real PostgreSQL)', () => {
  const db = useServiceDatabase();

  /** ProntoTrak's seeded policy as another organisation's: a sound document citing a text it is checked against. */
  async function soundPolicy(slug: string, name: string): Promise<OrganisationPolicy> {
    return { ...(await db.organisation('prontotrak')).policy, slug, name };
  }

  it("creates the organisation with its first version, makes the publisher its admin, and its form's policy current", async () => {
    const { user } = await addPlatformOperator(db.dataSource.manager, {
      email: 'publisher@platform.example',
      name: 'Publisher',
      password: 'correct horse battery staple',
    });
    const document = await soundPolicy('pronto-copy', 'Pronto Copy');
    const published = await db.dataSource.transaction((tx) =>
      publishPolicyVersion(tx, { document, policyText: TEXT, organisationId: null, publishedBy: user.id }),
    );
    expect(published.created).toBe(true);
    const context = await db.organisation('pronto-copy');
    expect(context.policyVersion.id).toBe(published.policyVersion.id);
    expect(context.policy.rights).toEqual(document.rights);
    expect(
      await db.dataSource.getRepository(StaffMembership).findBy({ organisationId: published.organisation.id }),
    ).toEqual([{ userId: user.id, organisationId: published.organisation.id, role: 'admin' }]);
  });

  it('publishes a changed policy as a new version and leaves the old one for the requests made under it', async () => {
    const before = await db.organisation('pronto-copy');
    const document = { ...before.policy, name: 'Pronto Copy Renamed', rights: before.policy.rights.slice(1) };
    const published = await db.dataSource.transaction((tx) =>
      publishPolicyVersion(tx, {
        document,
        policyText: TEXT,
        organisationId: before.organisation.id,
        publishedBy: null,
      }),
    );
    expect(published.created).toBe(false);
    expect(published.policyVersion.id).not.toBe(before.policyVersion.id);
    const after = await db.organisation('pronto-copy');
    expect(after.organisation.name).toBe('Pronto Copy Renamed');
    expect(after.policy.rights).toHaveLength(before.policy.rights.length - 1);
    const old = await db.directory.forRequest({
      organisationId: before.organisation.id,
      policyVersionId: before.policyVersion.id,
    });
    expect(old.policy.rights).toEqual(before.policy.rights);
  });

  it('refuses a taken slug, a renamed slug and a policy the validator refuses, changing nothing', async () => {
    const pronto = await db.organisation('prontotrak');
    const attempt = (document: OrganisationPolicy, organisationId: string | null) =>
      db.dataSource.transaction((tx) =>
        publishPolicyVersion(tx, { document, policyText: TEXT, organisationId, publishedBy: null }),
      );
    await expect(attempt(await soundPolicy('prontotrak', 'Imposter'), null)).rejects.toThrow(PublishRefused);
    await expect(attempt(await soundPolicy('renamed', 'Renamed'), pronto.organisation.id)).rejects.toThrow(
      PublishRefused,
    );
    const unquoted = await soundPolicy('unquoted', 'Unquoted');
    unquoted.rights = [{ ...unquoted.rights[0], citation: { quote: 'A sentence the policy never says.' } }];
    await expect(attempt(unquoted, null)).rejects.toThrow(PolicyFileError);
    expect((await db.organisation('prontotrak')).policyVersion.id).toBe(pronto.policyVersion.id);
    expect(await db.directory.bySlug('unquoted')).toBeNull();
  });
});

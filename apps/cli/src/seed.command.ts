import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { addPlatformOperator, addStaffMember, Organisation, PolicyVersion, StaffUser, TeamRepository } from '#db';
import { loadPolicies } from '#policy';

export interface SeedResult {
  slug: string;
  name: string;
  created: boolean;
  newPolicyVersion: boolean;
  /** Set only when this run created the organisation's demo admin: the password is shown once. */
  demoAdmin?: { email: string; password: string };
}

/**
 * Loads every seeds/*.policy.yaml into organisations and policy versions, and gives each organisation
 * a demo admin when it has no admin. A second run changes nothing.
 */
export async function seedOrganisations(dataSource: DataSource, seedsDir: string): Promise<SeedResult[]> {
  const loaded = loadPolicies(seedsDir);
  return dataSource.transaction(async (tx) => {
    const results: SeedResult[] = [];
    for (const { policy, contentHash } of loaded) {
      const fields = {
        name: policy.name,
        timeZone: policy.timeZone,
        country: policy.country,
        holidayRegion: policy.holidayRegion ?? null,
      };
      let organisation = await tx.findOneBy(Organisation, { slug: policy.slug });
      const created = organisation === null;
      if (organisation === null) {
        organisation = await tx.save(tx.create(Organisation, { slug: policy.slug, ...fields }));
      } else if (Object.entries(fields).some(([k, v]) => organisation![k as keyof typeof fields] !== v)) {
        organisation = await tx.save(Object.assign(organisation, fields));
      }
      let version = await tx.findOneBy(PolicyVersion, { organisationId: organisation.id, contentHash });
      const newPolicyVersion = version === null;
      if (version === null) {
        version = await tx.save(
          tx.create(PolicyVersion, {
            organisationId: organisation.id,
            version: policy.version,
            contentHash,
            document: policy,
          }),
        );
      }
      // Only a changed seed file moves the organisation to it: a version an operator published since stays current.
      if (newPolicyVersion && organisation.currentPolicyVersionId !== version.id) {
        await tx.update(Organisation, { id: organisation.id }, { currentPolicyVersionId: version.id });
      }
      const hasAdmin = (await new TeamRepository(tx).adminCount(organisation.id)) > 0;
      let demoAdmin: SeedResult['demoAdmin'];
      if (!hasAdmin) {
        demoAdmin = { email: `admin@${policy.slug}.example`, password: randomBytes(12).toString('base64url') };
        await addStaffMember(tx, {
          ...demoAdmin,
          name: `${policy.name} admin`,
          organisationId: organisation.id,
          role: 'admin',
        });
      }
      results.push({ slug: policy.slug, name: policy.name, created, newPolicyVersion, demoAdmin });
    }
    return results;
  });
}

export const DEMO_OPERATOR_EMAIL = 'operator@rightsdesk.example';

/** Makes a demo platform operator when there is none, returning its password (shown once); null when one exists. */
export async function seedDemoOperator(dataSource: DataSource): Promise<{ email: string; password: string } | null> {
  return dataSource.transaction(async (tx) => {
    if (await tx.existsBy(StaffUser, { platformOperator: true })) return null;
    const operator = { email: DEMO_OPERATOR_EMAIL, password: randomBytes(12).toString('base64url') };
    await addPlatformOperator(tx, { ...operator, name: 'Platform operator' });
    return operator;
  });
}

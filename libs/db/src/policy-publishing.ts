import type { EntityManager } from 'typeorm';

import { checkPolicyDocument, type OrganisationPolicy } from '#policy';

import { lockKeys, lockUntilCommit } from './advisory-locks.js';
import { Organisation } from './entities/organisation.entity.js';
import { PolicyVersion } from './entities/policy-version.entity.js';
import { StaffMembership } from './entities/staff-membership.entity.js';

export interface PublishPolicyInput {
  document: OrganisationPolicy;
  /** The text the document's citations quote. */
  policyText: string;
  /** The organisation this is a new version of; null to create one (refused when the slug is taken). */
  organisationId: string | null;
  /** Who publishes; a new organisation makes them its first admin, so someone can invite its team. */
  publishedBy: string | null;
}

export interface PublishedPolicy {
  organisation: Organisation;
  policyVersion: PolicyVersion;
  created: boolean;
}

/** A slug taken by another organisation, or an organisation gone since the import began. */
export class PublishRefused extends Error {}

/**
 * Makes a checked policy the one new requests are made under: a new policy version (requests made earlier keep
 * theirs), the organisation created or its name, time zone and country updated. The seed validator checks it first
 * (PolicyFileError lists what is wrong). Run inside the caller's transaction.
 */
export async function publishPolicyVersion(tx: EntityManager, input: PublishPolicyInput): Promise<PublishedPolicy> {
  const { policy, contentHash } = checkPolicyDocument(input.document, input.policyText);
  const fields = {
    name: policy.name,
    timeZone: policy.timeZone,
    country: policy.country,
    holidayRegion: policy.holidayRegion ?? null,
  };
  await lockUntilCommit(tx, lockKeys.policyPublish(policy.slug));
  let organisation: Organisation;
  if (input.organisationId === null) {
    if (await tx.existsBy(Organisation, { slug: policy.slug }))
      throw new PublishRefused(`The address name "${policy.slug}" is taken by another organisation; choose another.`);
    organisation = await tx.save(tx.create(Organisation, { slug: policy.slug, ...fields }));
  } else {
    const existing = await tx.findOneBy(Organisation, { id: input.organisationId });
    if (!existing) throw new PublishRefused('That organisation no longer exists.');
    if (existing.slug !== policy.slug) throw new PublishRefused("An organisation's address name cannot change.");
    organisation = await tx.save(Object.assign(existing, fields));
  }
  const policyVersion =
    (await tx.findOneBy(PolicyVersion, { organisationId: organisation.id, contentHash })) ??
    (await tx.save(
      tx.create(PolicyVersion, {
        organisationId: organisation.id,
        version: policy.version,
        contentHash,
        document: policy,
      }),
    ));
  await tx.update(Organisation, { id: organisation.id }, { currentPolicyVersionId: policyVersion.id });
  organisation.currentPolicyVersionId = policyVersion.id;
  const created = input.organisationId === null;
  if (created && input.publishedBy)
    await tx.insert(StaffMembership, { userId: input.publishedBy, organisationId: organisation.id, role: 'admin' });
  return { organisation, policyVersion, created };
}

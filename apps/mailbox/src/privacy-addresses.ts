import type { DataSource } from 'typeorm';

import { Organisation, type OrganisationContext, OrganisationDirectory } from '#db';
import type { OrganisationPolicy } from '#policy';

/** The addresses a policy tells people to write to about privacy: its privacy email and its email channels. */
export function privacyAddresses(policy: OrganisationPolicy): string[] {
  const addresses = [policy.privacyEmail, ...policy.channels.filter((c) => c.kind === 'email').map((c) => c.value)];
  return [...new Set(addresses.flatMap((a) => (a ? [normalise(a)] : [])))];
}

/** Mail addresses are matched case-insensitively: Privacy@prontotrak.com and privacy@prontotrak.com are one mailbox. */
export function normalise(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Which organisation a recipient address belongs to, under each one's current policy. Read from the database on
 * each lookup, so a newly seeded policy version takes effect without restarting the mailbox.
 */
export class PrivacyAddressBook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganisationDirectory,
  ) {}

  async organisationFor(address: string): Promise<OrganisationContext | null> {
    const wanted = normalise(address);
    const organisations = await this.dataSource.getRepository(Organisation).find({ order: { slug: 'ASC' } });
    for (const organisation of organisations) {
      const context = await this.directory.bySlug(organisation.slug);
      if (context && privacyAddresses(context.policy).includes(wanted)) return context;
    }
    return null;
  }
}

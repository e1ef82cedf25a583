import type { DataSource } from 'typeorm';

import type { OrganisationPolicy } from '#policy';
import { publicHolidayCalendar, type WorkingCalendar } from '#workflow';

import { Organisation } from './entities/organisation.entity.js';
import { PolicyVersion } from './entities/policy-version.entity.js';

export interface OrganisationContext {
  organisation: Organisation;
  policyVersion: PolicyVersion;
  policy: OrganisationPolicy;
  calendar: WorkingCalendar;
}

/** Finds an organisation together with a policy version and its working-day calendar. */
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** The organisation with the policy version new requests are made under; null when unknown. */
  async bySlug(slug: string): Promise<OrganisationContext | null> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ slug });
    if (!organisation?.currentPolicyVersionId) return null;
    return this.withPolicy(organisation, organisation.currentPolicyVersionId);
  }

  /** Organisations taking requests (those with a current policy), by name: what the public index lists. */
  async published(): Promise<{ slug: string; name: string }[]> {
    return (await this.dataSource.query(
      `SELECT slug, name FROM organisation WHERE current_policy_version_id IS NOT NULL ORDER BY lower(name), slug`,
    )) as { slug: string; name: string }[];
  }

  /** The organisation (by id) with the policy version new requests are made under; null when unknown. */
  async byId(id: string): Promise<OrganisationContext | null> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation?.currentPolicyVersionId) return null;
    return this.withPolicy(organisation, organisation.currentPolicyVersionId);
  }

  /** The organisation whose current policy lists this E.164 number in settings.smsNumbers; null when none does. */
  async bySmsNumber(number: string): Promise<OrganisationContext | null> {
    const [row] = (await this.dataSource.query(
      `SELECT o.id FROM organisation o JOIN policy_version p ON p.id = o.current_policy_version_id
        WHERE p.document -> 'settings' -> 'smsNumbers' ? $1 ORDER BY o.slug LIMIT 1`,
      [number],
    )) as { id: string }[];
    return row ? this.byId(row.id) : null;
  }

  /** The organisation as it was for a request: the policy version the request was made under. */
  async forRequest(request: { organisationId: string; policyVersionId: string }): Promise<OrganisationContext> {
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: request.organisationId });
    return this.withPolicy(organisation, request.policyVersionId);
  }

  private async withPolicy(organisation: Organisation, policyVersionId: string): Promise<OrganisationContext> {
    const policyVersion = await this.dataSource.getRepository(PolicyVersion).findOneByOrFail({ id: policyVersionId });
    const calendar = publicHolidayCalendar(
      organisation.country as 'US' | 'GB',
      organisation.holidayRegion ?? undefined,
    );
    return { organisation, policyVersion, policy: policyVersion.document, calendar };
  }
}

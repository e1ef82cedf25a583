import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { Env } from '#config';
import { type OrganisationContext, OrganisationDirectory, withFreshReference } from '#db';
import { verifyUnsubscribeToken } from '#mail';

import { DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from './opt-out.service.js';

export interface UnsubscribeSubject {
  context: OrganisationContext;
  email: string;
}

/** The List-Unsubscribe link's work: whose link it is, and recording the opt-out it asks for once. */
@Injectable()
export class UnsubscribeService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly optOuts: OptOutService,
    private readonly env: Env,
  ) {}

  /** The organisation and address of a genuine link, where the organisation still takes email opt-outs. */
  async subject(token: string): Promise<UnsubscribeSubject | null> {
    const subject = verifyUnsubscribeToken(token, this.env.APP_SECRET);
    if (!subject) return null;
    const context = await this.directory.byId(subject.organisationId);
    if (!context || !context.policy.rights.some((r) => r.type === 'opt_out_marketing_email')) return null;
    return { context, email: subject.email };
  }

  async isUnsubscribed({ context, email }: UnsubscribeSubject): Promise<boolean> {
    return (await this.optOuts.active(this.dataSource.manager, context.organisation.id, 'email', email)) !== null;
  }

  /** The reference of the opt-out request recorded, or null when the address was already unsubscribed. */
  unsubscribe({ context, email }: UnsubscribeSubject, at: Date): Promise<string | null> {
    return withFreshReference(() =>
      this.dataSource.transaction(async (tx) => {
        await this.optOuts.lock(tx, context.organisation.id);
        if (await this.optOuts.active(tx, context.organisation.id, 'email', email)) return null;
        const right = context.policy.rights.find((r) => r.type === 'opt_out_marketing_email')!;
        const { request } = await this.optOuts.record(tx, {
          context,
          right,
          // The link knows the address only; it stands in for the name in the confirmation's greeting.
          requester: { name: email, email, phone: null, relationship: 'self', details: '' },
          channel: 'email',
          source: 'email_unsubscribe',
          address: email,
          at,
          confirmedBy: 'mail',
        });
        return request.reference;
      }),
    );
  }
}

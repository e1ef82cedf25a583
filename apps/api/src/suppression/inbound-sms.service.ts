import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import {
  InboundSms,
  type InboundSmsOutcome,
  type OrganisationContext,
  OrganisationDirectory,
  withFreshReference,
} from '#db';
import type { OrganisationPolicy } from '#policy';
import { normalisePhone, type SmsKeyword } from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from './opt-out.service.js';

interface Handled {
  outcome: InboundSmsOutcome;
  requestId: string | null;
  reply: string | null;
}

/** A signed text as the webhook read it: the sender as normalised (or as sent), the number texted, its keyword. */
export interface InboundText {
  from: string;
  to: string;
  body: string;
  providerMessageId: string | null;
  keyword: SmsKeyword | null;
}

/** What an inbound text does to the organisation's SMS opt-outs, logged with its outcome in one transaction. */
@Injectable()
export class InboundSmsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly optOuts: OptOutService,
  ) {}

  /** The organisation that texts to this number reach, if any. */
  organisationFor(number: string): Promise<OrganisationContext | null> {
    return this.directory.bySmsNumber(number);
  }

  /** Acts on the text and logs it; the reply to send back, if any. */
  async receive(context: OrganisationContext, text: InboundText, receivedAt: Date): Promise<string | null> {
    const handled = await withFreshReference(() =>
      this.dataSource.transaction(async (tx) => {
        const result = await this.act(tx, context, text.keyword, text.from, receivedAt);
        await tx.insert(InboundSms, {
          organisationId: context.organisation.id,
          fromNumber: text.from,
          toNumber: text.to,
          body: text.body,
          providerMessageId: text.providerMessageId,
          keyword: text.keyword,
          outcome: result.outcome,
          requestId: result.requestId,
          receivedAt,
        });
        return result;
      }),
    );
    return handled.reply;
  }

  private async act(
    tx: EntityManager,
    context: OrganisationContext,
    keyword: SmsKeyword | null,
    from: string,
    at: Date,
  ): Promise<Handled> {
    const { policy, organisation } = context;
    const name = policy.name;
    const phone = normalisePhone(from);
    switch (keyword) {
      case 'stop': {
        const stopped = `${name}: You are unsubscribed and will get no more marketing texts from us. Reply START to subscribe again.`;
        if (!phone) return { outcome: 'no_action', requestId: null, reply: null };
        await this.optOuts.lock(tx, organisation.id);
        // A repeated STOP is answered again but changes nothing: the suppression in force already covers it.
        if (await this.optOuts.active(tx, organisation.id, 'sms', phone))
          return { outcome: 'already_suppressed', requestId: null, reply: stopped };
        const right = policy.rights.find((r) => r.type === 'opt_out_marketing_sms');
        if (!right) throw new Error(`${policy.slug} has SMS numbers but no opt_out_marketing_sms right`);
        const { request } = await this.optOuts.record(tx, {
          context,
          right,
          requester: { name: 'Text message sender', email: '', phone, relationship: 'self', details: '' },
          channel: 'sms',
          source: 'sms_stop',
          address: phone,
          at,
          confirmedBy: 'sms_reply',
        });
        return { outcome: 'suppressed', requestId: request.id, reply: stopped };
      }
      case 'start': {
        const resubscribed = phone ? await this.optOuts.resubscribe(tx, organisation.id, 'sms', phone, at) : false;
        return {
          outcome: resubscribed ? 'resubscribed' : 'not_suppressed',
          requestId: null,
          reply: `${name}: You are subscribed to our texts again. Reply STOP to unsubscribe, HELP for help.`,
        };
      }
      case 'help': {
        const contact = contactOf(policy);
        return {
          outcome: 'help',
          requestId: null,
          reply: `${name}: ${contact ? `For help, contact ${contact}.` : 'For help, see our privacy policy.'} Reply STOP to unsubscribe.`,
        };
      }
      case null:
        return { outcome: 'no_action', requestId: null, reply: null };
    }
  }
}

/** How a texter reaches the organisation: its privacy address, else its phone number, else any address it gives. */
function contactOf(policy: OrganisationPolicy): string | undefined {
  if (policy.privacyEmail) return policy.privacyEmail;
  for (const kind of ['phone', 'email'] as const) {
    const channel = policy.channels.find((c) => c.kind === kind && c.value);
    if (channel) return channel.value;
  }
  return undefined;
}

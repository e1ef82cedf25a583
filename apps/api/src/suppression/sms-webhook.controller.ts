import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { Env, type Clock } from '#config';
import { InboundSms, OrganisationDirectory, type InboundSmsOutcome, type OrganisationContext, withFreshReference } from '#db';
import type { OrganisationPolicy } from '#policy';
import { normalisePhone, parseSmsKeyword, type SmsKeyword } from '#workflow';
import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK, DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from './opt-out.service.js';
import { twiml } from './twiml.js';
import { validTwilioSignature, type WebhookParams } from './twilio-signature.js';

const HOUR = 3600;

interface Handled {
  outcome: InboundSmsOutcome;
  requestId: string | null;
  reply: string | null;
}

/**
 * Inbound texts from the SMS provider (Twilio's webhook format): STOP and its synonyms opt the sender out of the
 * organisation's marketing texts at once, START/UNSTOP opt them back in, HELP says who to contact. Every text is
 * logged; only a correctly signed one is looked at.
 */
@Controller('webhooks/sms')
export class SmsWebhookController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly optOuts: OptOutService,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(@Body() body: WebhookParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Twilio signs the URL it called, which is ours as the public sees it.
    const url = new URL(req.originalUrl, this.env.PUBLIC_URL).toString();
    const secret = this.env.SMS_WEBHOOK_SECRET;
    if (!secret || !validTwilioSignature(secret, url, body, req.get('X-Twilio-Signature'))) {
      res.status(403).type('text/plain').send('The request is not signed by our SMS provider.');
      return;
    }
    const to = normalisePhone(text(body.To));
    const context = to ? await this.directory.bySmsNumber(to) : null;
    if (!context) {
      res.status(404).type('text/xml').send(twiml(null));
      return;
    }
    const rawFrom = text(body.From);
    const from = normalisePhone(rawFrom) ?? rawFrom;
    await this.rateLimiter.hit('sms', `${context.organisation.id}:${from}`, this.env.SMS_RATE_LIMIT, HOUR);

    const messageBody = text(body.Body);
    const keyword = parseSmsKeyword(messageBody);
    const receivedAt = this.clock.now();
    const handled = await withFreshReference(() =>
      this.dataSource.transaction(async (tx) => {
        const result = await this.act(tx, context, keyword, from, receivedAt);
        await tx.insert(InboundSms, {
          organisationId: context.organisation.id,
          fromNumber: from,
          toNumber: to!,
          body: messageBody,
          providerMessageId: text(body.MessageSid) || null,
          keyword,
          outcome: result.outcome,
          requestId: result.requestId,
          receivedAt,
        });
        return result;
      }),
    );
    res.status(200).type('text/xml').send(twiml(handled.reply));
  }

  private async act(tx: EntityManager, context: OrganisationContext, keyword: SmsKeyword | null, from: string, at: Date): Promise<Handled> {
    const { policy, organisation } = context;
    const name = policy.name;
    const phone = normalisePhone(from);
    switch (keyword) {
      case 'stop': {
        const stopped = `${name}: You are unsubscribed and will get no more marketing texts from us. Reply START to subscribe again.`;
        if (!phone) return { outcome: 'no_action', requestId: null, reply: null };
        await this.optOuts.lock(tx, organisation.id);
        // A repeated STOP is answered again but changes nothing: the suppression in force already covers it.
        if (await this.optOuts.active(tx, organisation.id, 'sms', phone)) return { outcome: 'already_suppressed', requestId: null, reply: stopped };
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

function text(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
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

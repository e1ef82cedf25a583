import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { type Clock, Env } from '#config';
import { normalisePhone, parseSmsKeyword } from '#workflow';

import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK } from '../infra/tokens.js';
import { InboundSmsService } from './inbound-sms.service.js';
import { validTwilioSignature, type WebhookParams } from './twilio-signature.js';
import { twiml } from './twiml.js';

const HOUR = 3600;

/**
 * Inbound texts from the SMS provider (Twilio's webhook format): STOP and its synonyms opt the sender out of the
 * organisation's marketing texts at once, START/UNSTOP opt them back in, HELP says who to contact. Every text is
 * logged; only a correctly signed one is looked at.
 */
@Controller('webhooks/sms')
export class SmsWebhookController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly inbound: InboundSmsService,
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
    const context = to ? await this.inbound.organisationFor(to) : null;
    if (!context) {
      res.status(404).type('text/xml').send(twiml(null));
      return;
    }
    const rawFrom = text(body.From);
    const from = normalisePhone(rawFrom) ?? rawFrom;
    await this.rateLimiter.hit('sms', `${context.organisation.id}:${from}`, this.env.SMS_RATE_LIMIT, HOUR);

    const messageBody = text(body.Body);
    const keyword = parseSmsKeyword(messageBody);
    const reply = await this.inbound.receive(
      context,
      { from, to: to!, body: messageBody, providerMessageId: text(body.MessageSid) || null, keyword },
      this.clock.now(),
    );
    res.status(200).type('text/xml').send(twiml(reply));
  }
}

function text(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

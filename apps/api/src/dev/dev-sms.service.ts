import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { Env } from '#config';

import { DATA_SOURCE } from '../infra/tokens.js';
import { twilioSignature } from '../suppression/twilio-signature.js';

export interface TestText {
  To: string;
  From: string;
  Body: string;
}

export interface SmsNumber {
  name: string;
  number: string;
}

/** What our own webhook answered a test text. */
export interface WebhookAnswer {
  status: number;
  type: string;
  text: string;
}

export const WEBHOOK_PATH = '/webhooks/sms';

/** The dev SMS page's numbers to text, and the signed post to our own webhook. */
@Injectable()
export class DevSmsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly env: Env,
  ) {}

  /** Every organisation's SMS numbers, from its current policy. */
  async smsNumbers(): Promise<SmsNumber[]> {
    return (await this.dataSource.query(
      `SELECT p.document ->> 'name' AS name, n.number FROM organisation o
         JOIN policy_version p ON p.id = o.current_policy_version_id
         CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(p.document -> 'settings' -> 'smsNumbers', '[]'::jsonb)) AS n(number)
        ORDER BY o.slug, n.number`,
    )) as SmsNumber[];
  }

  /** Posts the text to our own port, signed for the URL the webhook checks: PUBLIC_URL plus its path. */
  async sendSigned(secret: string, text: TestText): Promise<WebhookAnswer> {
    const params = { ...text, MessageSid: `SMdev${Date.now()}` };
    const signature = twilioSignature(secret, new URL(WEBHOOK_PATH, this.env.PUBLIC_URL).toString(), params);
    const response = await fetch(`http://127.0.0.1:${this.env.PORT}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? 'no type',
      text: await response.text(),
    };
  }
}

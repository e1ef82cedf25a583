import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { Env } from '#config';
import { html, type SafeHtml } from '#mail';
import { DATA_SOURCE } from '../infra/tokens.js';
import { Csrf, CsrfRejected } from '../infra/csrf.js';
import { twilioSignature } from '../suppression/twilio-signature.js';
import { page } from '../views/layout.view.js';

interface TestText {
  To: string;
  From: string;
  Body: string;
}

interface SmsNumber {
  name: string;
  number: string;
}

const WEBHOOK_PATH = '/webhooks/sms';

/** A posted field as text; anything else (missing, repeated, an object) is not a field of this form. */
function field(body: Record<string, unknown>, name: keyof TestText, max: number): string | null {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;
}

/**
 * Sends a test text to our own SMS webhook, signed as the provider signs (the webhook's own signer, keyed by
 * SMS_WEBHOOK_SECRET), so STOP, START and HELP can be tried without a provider. Registered only on a developer's
 * machine (Env.devPagesServed), as the dev mailbox is.
 */
@Controller('dev/sms')
export class DevSmsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly csrf: Csrf,
    private readonly env: Env,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.type('html').send(await this.render(req, res, { To: '', From: '+15550100999', Body: 'STOP' }));
  }

  @Post()
  @HttpCode(200)
  async send(@Body() posted: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const body: Record<string, unknown> = { ...posted };
    const text = { To: field(body, 'To', 32), From: field(body, 'From', 32), Body: field(body, 'Body', 1600) };
    const shown = { To: text.To ?? '', From: text.From ?? '', Body: text.Body ?? '' };
    try {
      this.csrf.verify(req, body._csrf);
    } catch (error) {
      if (!(error instanceof CsrfRejected)) throw error;
      res.status(403).type('html').send(await this.render(req, res, shown, html`<p class="error">${error.message}</p>`));
      return;
    }
    if (!this.env.SMS_WEBHOOK_SECRET) {
      res.status(409).type('html').send(await this.render(req, res, shown));
      return;
    }
    if (text.To === null || text.From === null || text.Body === null) {
      res.status(400).type('html').send(await this.render(req, res, shown, html`<p class="error">Fill in To, From and the text (up to 1600 characters).</p>`));
      return;
    }
    const answer = await this.sendSigned(this.env.SMS_WEBHOOK_SECRET, { To: text.To, From: text.From, Body: text.Body });
    res.type('html').send(
      await this.render(
        req,
        res,
        shown,
        html`<h2>Answer</h2>
<p>The webhook answered ${answer.status} (${answer.type}):</p>
<pre class="twiml">${answer.text}</pre>`,
      ),
    );
  }

  /** Posts the text to our own port, signed for the URL the webhook checks: PUBLIC_URL plus its path. */
  private async sendSigned(secret: string, text: TestText): Promise<{ status: number; type: string; text: string }> {
    const params = { ...text, MessageSid: `SMdev${Date.now()}` };
    const signature = twilioSignature(secret, new URL(WEBHOOK_PATH, this.env.PUBLIC_URL).toString(), params);
    const response = await fetch(`http://127.0.0.1:${this.env.PORT}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? 'no type', text: await response.text() };
  }

  /** Every organisation's SMS numbers, from its current policy. */
  private async smsNumbers(): Promise<SmsNumber[]> {
    return (await this.dataSource.query(
      `SELECT p.document ->> 'name' AS name, n.number FROM organisation o
         JOIN policy_version p ON p.id = o.current_policy_version_id
         CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(p.document -> 'settings' -> 'smsNumbers', '[]'::jsonb)) AS n(number)
        ORDER BY o.slug, n.number`,
    )) as SmsNumber[];
  }

  private async render(req: Request, res: Response, values: TestText, result?: SafeHtml): Promise<string> {
    const numbers = await this.smsNumbers();
    const options = numbers.map((n) =>
      n.number === values.To ? html`<option value="${n.number}" selected>${n.number} (${n.name})</option>` : html`<option value="${n.number}">${n.number} (${n.name})</option>`,
    );
    const form = this.env.SMS_WEBHOOK_SECRET
      ? html`<form method="post" action="/dev/sms">
<input type="hidden" name="_csrf" value="${this.csrf.tokenFor(req, res)}">
<p><label for="to">To (the organisation's SMS number)</label>
<select id="to" name="To" required>${options}</select></p>
<p><label for="from">From (the texter's number)</label>
<input id="from" name="From" value="${values.From}" required maxlength="32"></p>
<p><label for="body">Text (STOP, START, HELP, or anything)</label>
<input id="body" name="Body" value="${values.Body}" required maxlength="1600"></p>
<p><button type="submit">Send signed test text</button></p>
</form>`
      : html`<p class="error">SMS_WEBHOOK_SECRET is not set, so the webhook refuses every text. Set it (any 16 characters or more) and
restart to try texts here.</p>`;
    const body = html`<p><a href="/dev/mailbox">Dev mailbox</a></p>
<h1>Test text to the SMS webhook</h1>
<p>Posts a text to <code>${WEBHOOK_PATH}</code> signed with <code>X-Twilio-Signature</code>, as the SMS provider would.</p>
${form}
${result ?? html``}`;
    return page('Test text', body);
  }
}

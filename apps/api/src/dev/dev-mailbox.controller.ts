import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import type { DevMail } from '#db';
import { html, type SafeHtml } from '#mail';
import { Page } from '../infra/page.decorator.js';
import { page } from '../views/layout.view.js';
import { DevMailService } from './dev-mail.service.js';

/** Plain-text body with its links made clickable; everything else escaped. */
function linkify(text: string): SafeHtml[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`));
}

/** A header block as name and value pairs, folded lines joined (RFC 5322 §2.2.3); values are shown as sent. */
function headerFields(block: string): { name: string; value: string }[] {
  return block
    .split('\n')
    .reduce<string[]>((lines, line) => (/^[ \t]/.test(line) && lines.length > 0 ? [...lines.slice(0, -1), `${lines.at(-1)} ${line.trim()}`] : [...lines, line]), [])
    .filter((line) => line.includes(':'))
    .map((line) => ({ name: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 1).trim() }));
}

function headersTable(block: string): SafeHtml {
  if (block === '') return html`<p>Headers were not kept for this mail.</p>`;
  const rows = headerFields(block).map((h) => html`<tr><th scope="row">${h.name}</th><td>${h.value}</td></tr>`);
  return html`<h2>Headers</h2>
<table class="mail-headers"><tbody>${rows}</tbody></table>`;
}

function mailboxPage(mails: DevMail[]): string {
  const rows = mails.map(
    (m) => html`<tr><td>${m.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</td><td>${m.to}</td><td><a href="/dev/mailbox/${m.id}">${m.subject}</a></td></tr>`,
  );
  const body = html`<h1>Dev mailbox</h1>
<p>SMTP_URL is not set, so mail is kept here instead of being sent. Newest first. To try texts: <a href="/dev/sms">send a signed test text</a>.</p>
${mails.length === 0 ? html`<p>No mail yet.</p>` : html`<table><thead><tr><th>When (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`}`;
  return page('Dev mailbox', body);
}

function mailPage(mail: DevMail): string {
  const body = html`<p><a href="/dev/mailbox">← Dev mailbox</a></p>
<h1>${mail.subject}</h1>
<dl><dt>From</dt><dd>${mail.from}</dd><dt>To</dt><dd>${mail.to}</dd><dt>Received</dt><dd>${mail.createdAt.toISOString()}</dd></dl>
${headersTable(mail.headers)}
<h2>Text</h2>
<pre>${linkify(mail.text)}</pre>`;
  return page(mail.subject, body);
}

/** Mails caught when SMTP_URL is unset. Registered only on a developer's machine (Env.devPagesServed). */
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mails: DevMailService) {}

  @Get()
  @Page(mailboxPage)
  list(): Promise<DevMail[]> {
    return this.mails.newest(100);
  }

  @Get(':id')
  @Page(mailPage)
  async show(@Param('id') id: string): Promise<DevMail> {
    const mail = await this.mails.byId(id);
    if (!mail) throw new NotFoundException('No such mail in the dev mailbox.');
    return mail;
  }
}

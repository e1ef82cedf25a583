import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';

import { DevMail } from '#db';

import { MailSendError } from './redact.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable Message-ID so a resent copy is recognisably the same message. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** SMTP when a URL is configured (pooled: ~7 ms a mail instead of ~105 ms), otherwise the dev mailbox. */
export function createMailer(options: { smtpUrl?: string; from: string; dataSource: DataSource }): Mailer {
  return options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.from)
    : devMailboxMailer(options.dataSource, options.from);
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString(), { from });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        return { messageId: info.messageId };
      } catch (error) {
        // Thrown on into job data (BullMQ keeps the message and stack), logs and the job page: never the address.
        throw new MailSendError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * Stores mail in Postgres for /dev/mailbox, so the system runs with no mail server. Each mail is built by nodemailer
 * as SMTP would carry it, so the dev mailbox shows the real headers (Message-ID, Date, List-Unsubscribe, …).
 */
function devMailboxMailer(dataSource: DataSource, from: string): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from });
  return {
    async send(message) {
      const built = await composer.sendMail(message);
      const source = built.message.toString('utf8');
      await dataSource.getRepository(DevMail).insert({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: source.slice(0, source.indexOf('\n\n')),
      });
      return { messageId: built.messageId };
    },
    async close() {
      composer.close();
    },
  };
}

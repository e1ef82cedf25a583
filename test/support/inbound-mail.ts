import { connect } from 'node:net';

import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface ComposedMail {
  from: string;
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  attachments?: { filename: string; contentType: string; content: string | Buffer }[];
}

/** The RFC 822 source of a mail as it goes over SMTP: every line ends in CRLF (the client would make it so). */
export async function composeMail(mail: ComposedMail): Promise<Buffer> {
  const built = await new MailComposer(mail).compile().build();
  return Buffer.from(built.toString('binary').replace(/\r?\n/g, '\r\n'), 'binary');
}

export interface SmtpOutcome {
  /** The final reply to the message, when it was accepted. */
  response?: string;
  accepted: string[];
  /** Recipients refused at RCPT, each with the server's reply. */
  rejected: { address: string; code: number | undefined; response: string | undefined }[];
}

export class SmtpRefusal extends Error {
  constructor(
    readonly code: number | undefined,
    readonly response: string | undefined,
    readonly stage: string | undefined,
  ) {
    super(`SMTP refused at ${stage}: ${response}`);
  }
}

/**
 * One SMTP conversation with the inbound mailbox on 127.0.0.1, from `localAddress` (another loopback address, so a
 * suite can be a sending server of its own) when given: EHLO, MAIL FROM (with SIZE= when `size` is given
 * and the server offers SIZE), one RCPT TO per recipient, DATA. Resolves with what was accepted; a refusal of the
 * whole message (no recipient accepted, MAIL FROM or the data refused) rejects with an SmtpRefusal.
 */
export async function deliverToMailbox(
  port: number,
  envelope: { from: string; to: string[]; size?: number },
  source: Buffer,
  localAddress?: string,
): Promise<SmtpOutcome> {
  const connection = new SMTPConnection({
    host: '127.0.0.1',
    port,
    localAddress,
    secure: false,
    ignoreTLS: true,
    name: 'sender.example',
  });
  await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
  try {
    return await new Promise<SmtpOutcome>((resolve, reject) => {
      connection.send(envelope, source, (error, info) => {
        if (error) return reject(new SmtpRefusal(error.responseCode, error.response, error.command));
        resolve({
          response: info!.response,
          accepted: info!.accepted,
          rejected: (info!.rejectedErrors ?? []).map((e) => ({
            address: e.recipient ?? '',
            code: e.responseCode,
            response: e.response,
          })),
        });
      });
    });
  } finally {
    connection.quit();
  }
}

/**
 * EHLO and MAIL FROM with a declared SIZE, spoken by hand: nodemailer refuses an oversized message itself once it
 * has read the server's SIZE, so it never lets the server answer. Returns the EHLO reply and the MAIL FROM reply.
 */
export function mailFromWithSize(port: number, from: string, size: number): Promise<{ ehlo: string; reply: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const replies: string[] = [];
    let buffered = '';
    const steps = ['EHLO sender.example', `MAIL FROM:<${from}> SIZE=${size}`, 'QUIT'];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      // A reply is complete at a line whose code is followed by a space (not '-', which continues it).
      while (/^\d{3} .*\r\n/m.test(buffered)) {
        const end = buffered.search(/^\d{3} .*\r\n/m);
        const lineEnd = buffered.indexOf('\r\n', end) + 2;
        replies.push(buffered.slice(0, lineEnd));
        buffered = buffered.slice(lineEnd);
        const next = steps.shift();
        if (next) socket.write(`${next}\r\n`);
      }
    });
    socket.once('error', reject);
    socket.once('close', () => resolve({ ehlo: replies[1] ?? '', reply: replies[2] ?? '' }));
  });
}

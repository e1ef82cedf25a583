import { parseArgs } from 'node:util';

import nodemailer from 'nodemailer';

export const SEND_MAIL_USAGE =
  'usage: npm run mail:send -- --to privacy@west.com --from you@example.org [--subject TEXT] [--body TEXT] [--host 127.0.0.1] [--port INBOUND_SMTP_PORT]';

/**
 * Sends one plain mail over SMTP, to try the privacy mailbox with what the project ships (nodemailer) instead of a
 * tool such as swaks. No TLS and no AUTH: the local mailbox offers neither.
 */
export async function sendTestMail(args: string[], defaultPort: number): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      subject: { type: 'string', default: 'Please delete my data' },
      body: { type: 'string', default: 'Please delete all personal data you hold about me.' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(defaultPort) },
    },
  });
  const port = Number(values.port);
  if (!values.to || !values.from || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(SEND_MAIL_USAGE);
  const transport = nodemailer.createTransport({ host: values.host, port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      from: values.from,
      to: values.to,
      subject: values.subject,
      text: values.body,
    });
    return `mail:send: ${info.response} (${info.messageId}) via ${values.host}:${port}`;
  } finally {
    transport.close();
  }
}

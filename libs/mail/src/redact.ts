import { redactAddresses } from '#config';

export { redactAddresses };

/**
 * An SMTP failure without the words that name people: mail servers quote the recipient in their replies, and
 * nodemailer copies the reply into its message and keeps the envelope on the error. What stays is what tells the
 * failure apart (code, reply code, command) and the message with addresses replaced.
 */
export class MailSendError extends Error {
  readonly code?: string;
  readonly responseCode?: number;
  readonly command?: string;

  constructor(error: unknown) {
    const source = error instanceof Error ? error : new Error(String(error));
    super(redactAddresses(source.message));
    this.name = 'MailSendError';
    const { code, responseCode, command } = source as Error & {
      code?: unknown;
      responseCode?: unknown;
      command?: unknown;
    };
    if (typeof code === 'string') this.code = code;
    if (typeof responseCode === 'number') this.responseCode = responseCode;
    if (typeof command === 'string') this.command = redactAddresses(command);
  }
}

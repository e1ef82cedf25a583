import { Logger } from '@nestjs/common';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

import type { Clock } from '#config';

import { parseInboundMail } from './inbound-mail.parser.js';
import type { InboundRequestWriter, MailedOrganisation } from './inbound-request.writer.js';
import { normalise, type PrivacyAddressBook } from './privacy-addresses.js';
import { authenticateSender, type DnsLookup } from './sender-authentication.js';

export interface InboundSmtpOptions {
  maxMessageBytes: number;
  addressBook: PrivacyAddressBook;
  writer: InboundRequestWriter;
  clock: Clock;
  dns: DnsLookup;
}

/** An SMTP reply to refuse with: smtp-server sends err.responseCode and err.message. */
function reply(code: 451 | 550 | 552, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The inbound privacy mailbox: an MX for the organisations' privacy addresses. It accepts only those recipients
 * (others get 550 at RCPT), only messages up to the size limit (SIZE is advertised; a larger MAIL FROM SIZE= or
 * data stream gets 552), and answers 250 only once the mail is stored as triage requests; a failed store gets
 * 451 so the sending server tries again later. No AUTH (mail comes from anyone) and no STARTTLS (no certificate).
 */
export function createInboundSmtpServer(options: InboundSmtpOptions): SMTPServer {
  const logger = new Logger('mailbox');
  return new SMTPServer({
    name: 'rightsdesk-mailbox',
    banner: 'Rightsdesk privacy mailbox',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideENHANCEDSTATUSCODES: false,
    size: options.maxMessageBytes,
    rejectOversized: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      options.addressBook.organisationFor(address.address).then(
        (context) => callback(context ? undefined : reply(550, `No privacy mailbox here for <${address.address}>`)),
        (error: unknown) => {
          logger.error(`recipient lookup failed: ${error instanceof Error ? error.message : String(error)}`);
          callback(reply(451, 'Temporary failure looking up the recipient, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      readLimited(stream, options.maxMessageBytes).then(
        async (source) => {
          // Over the limit: smtp-server answers 552 whatever this says; nothing is stored.
          if (stream.sizeExceeded || source === null) return callback(reply(552, 'Message too large'));
          try {
            await deliver(source, session, options);
            callback();
          } catch (error) {
            if (isRefusal(error)) return callback(error);
            logger.error(
              `storing a mail failed, the sender will retry: ${error instanceof Error ? error.message : String(error)}`,
            );
            callback(reply(451, 'Could not store the message, try again later'));
          }
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}

async function deliver(source: Buffer, session: SMTPServerSession, options: InboundSmtpOptions): Promise<void> {
  const receivedAt = options.clock.now();
  const mail = await parseInboundMail(source);
  // A request needs an address to answer; the envelope sender stands in for a mail without a From address.
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const fromAddress = mail.fromAddress ?? (envelopeFrom || null);
  if (!fromAddress) throw reply(550, 'The message has no sender address to answer');
  const organisations = new Map<string, MailedOrganisation>();
  for (const rcpt of session.envelope.rcptTo) {
    const context = await options.addressBook.organisationFor(rcpt.address);
    // Two addresses of one organisation make one request there.
    if (context && !organisations.has(context.organisation.id))
      organisations.set(context.organisation.id, { context, recipient: normalise(rcpt.address) });
  }
  if (organisations.size === 0) throw reply(451, 'The recipients are no longer known here, try again later');
  const clientAddress = session.remoteAddress.replace(/^::ffff:/, '');
  const authentication = await authenticateSender(
    source,
    { ip: clientAddress, helo: session.hostNameAppearsAs, envelopeFrom },
    options.dns,
  );
  await options.writer.store({
    source,
    mail: { ...mail, fromAddress },
    organisations: [...organisations.values()],
    receivedAt,
    clientAddress,
    authentication,
  });
}

function isRefusal(error: unknown): error is Error {
  return error instanceof Error && typeof (error as { responseCode?: unknown }).responseCode === 'number';
}

/** The message's bytes, or null once it goes over the limit (the rest is read and dropped, never buffered). */
function readLimited(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
  });
}

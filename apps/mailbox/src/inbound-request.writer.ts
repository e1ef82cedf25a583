import type { DataSource, EntityManager } from 'typeorm';

import {
  InboundAttachment,
  InboundMessage,
  insertRequest,
  lockKeys,
  lockUntilCommit,
  type OrganisationContext,
  type SenderAuthentication,
  withFreshReference,
  writeOutbox,
} from '#db';
import { internalTargetDaysFor } from '#policy';
import {
  ACKNOWLEDGEMENT_WINDOW_MS,
  type AcknowledgementLimits,
  type MailAcknowledgement,
  mailAcknowledgement,
  provisionalTriageDeadlines,
} from '#workflow';

import type { InboundMail } from './inbound-mail.parser.js';

/** One organisation a mail was sent to, and the privacy address it was sent to there. */
export interface MailedOrganisation {
  context: OrganisationContext;
  recipient: string;
}

export interface Delivery {
  source: Buffer;
  mail: InboundMail & { fromAddress: string };
  organisations: MailedOrganisation[];
  receivedAt: Date;
  /** The IP address of the server that delivered it. */
  clientAddress: string;
  authentication: SenderAuthentication;
}

/**
 * Turns an accepted mail into one triage request per organisation it was addressed to, in one transaction: the
 * request, the original message and its attachments, the timeline entry, the reminders and the receipt's job. The
 * SMTP receiver answers 250 only after this commits, so a mail is either stored or retried by its sender.
 */
export class InboundRequestWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: AcknowledgementLimits,
  ) {}

  /** The ids of the requests created; a mail already stored for an organisation (same Message-ID) creates none there. */
  async store(delivery: Delivery): Promise<string[]> {
    return withFreshReference(() =>
      this.dataSource.transaction(async (tx) => {
        const acknowledgement = await this.acknowledgementFor(tx, delivery);
        const created: string[] = [];
        for (const organisation of delivery.organisations) {
          const id = await this.storeFor(tx, delivery, organisation, acknowledgement);
          if (id) created.push(id);
        }
        return created;
      }),
    );
  }

  /**
   * Whether this mail is acknowledged, counted against the acknowledgements of the last hour. The sender's and the
   * IP's locks (always in that order, so two deliveries cannot wait on each other) make parallel mails count one
   * after another; a mail to two organisations counts once.
   */
  private async acknowledgementFor(tx: EntityManager, delivery: Delivery): Promise<MailAcknowledgement> {
    if (!delivery.authentication.aligned) return 'withheld_unaligned';
    const sender = delivery.mail.fromAddress.toLowerCase();
    await lockUntilCommit(tx, lockKeys.inboundAckSender(sender));
    await lockUntilCommit(tx, lockKeys.inboundAckServer(delivery.clientAddress));
    const [counts]: { sender: number; ip: number }[] = await tx.query(
      `SELECT count(DISTINCT m.message_key) FILTER (WHERE lower(m.from_address) = $1)::int AS sender,
              count(DISTINCT m.message_key) FILTER (WHERE m.client_address = $2)::int AS ip
         FROM inbound_message m JOIN data_subject_request r ON r.id = m.request_id
        WHERE m.acknowledgement = 'acknowledged' AND r.received_at > $3 AND (lower(m.from_address) = $1 OR m.client_address = $2)`,
      [sender, delivery.clientAddress, new Date(delivery.receivedAt.getTime() - ACKNOWLEDGEMENT_WINDOW_MS)],
    );
    return mailAcknowledgement({ aligned: true, sentToSender: counts.sender, sentToIp: counts.ip }, this.limits);
  }

  private async storeFor(
    tx: EntityManager,
    delivery: Delivery,
    { context, recipient }: MailedOrganisation,
    acknowledgement: MailAcknowledgement,
  ): Promise<string | null> {
    const { organisation, policy, calendar } = context;
    const { mail, receivedAt, source } = delivery;
    // Two deliveries of one mail at once: the second waits here, then finds the first's row.
    await lockUntilCommit(tx, lockKeys.inboundMessage(organisation.id, mail.messageKey));
    if (await tx.existsBy(InboundMessage, { organisationId: organisation.id, messageKey: mail.messageKey }))
      return null;

    const provisional = provisionalTriageDeadlines(
      policy.rights.map((right) => ({ right, internalTargetDays: internalTargetDaysFor(policy, right.id) })),
      receivedAt,
      organisation.timeZone,
      calendar,
    );
    const request = await insertRequest(tx, context, {
      requester: {
        name: mail.fromName || mail.fromAddress,
        email: mail.fromAddress,
        phone: null,
        relationship: 'self',
        details: '',
      },
      channel: 'email',
      receivedAt,
      // Provisional until staff classify it: the right whose deadline is the earliest.
      awaitingTriage: provisional,
      receivedDetail: { attachments: mail.attachments.length, acknowledgement },
    });
    const message = await tx.save(
      tx.create(InboundMessage, {
        requestId: request.id,
        organisationId: organisation.id,
        messageKey: mail.messageKey,
        recipient,
        fromAddress: mail.fromAddress,
        fromName: mail.fromName,
        subject: mail.subject,
        sentAt: mail.sentAt,
        textBody: mail.text,
        htmlBody: mail.html,
        source,
        sourceSize: source.length,
        clientAddress: delivery.clientAddress,
        authentication: delivery.authentication,
        acknowledgement,
      }),
    );
    if (mail.attachments.length > 0) {
      await tx.save(
        mail.attachments.map((a) =>
          tx.create(InboundAttachment, {
            messageId: message.id,
            fileName: a.fileName,
            contentType: a.contentType,
            size: a.content.length,
            content: a.content,
          }),
        ),
      );
    }
    // The acknowledgement (CCPA: within 10 business days) goes to the sender at once, if it goes at all; otherwise
    // staff acknowledge when they classify it (the verification mail or the opt-out's confirmation).
    if (acknowledgement === 'acknowledged') await writeOutbox(tx, 'receipt.send', { requestId: request.id }, 'initial');
    return request.id;
  }
}

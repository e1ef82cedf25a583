import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { MailAcknowledgement } from '#workflow';

import { DataSubjectRequest } from './data-subject-request.entity.js';

/** The results of the sender checks, as mailauth names them ("pass", "fail", "none", "temperror"…). */
export interface SenderAuthentication {
  spf: string;
  /** One result per DKIM signature, with its signing domain; "none" when unsigned. */
  dkim: string;
  dmarc: string;
  /** The From address's domain, which SPF or DKIM must align with. */
  fromDomain: string;
  aligned: boolean;
}

/**
 * The mail a request arrived as (channel `email`): the original RFC 822 source, kept as received, and what was
 * read from it for staff. One per request; a mail to two organisations is stored once for each, so neither sees
 * the other's request. The same Message-ID reaching the same organisation again is the same mail.
 */
@Entity({ name: 'inbound_message' })
@Index('uq_inbound_message_org_key', ['organisationId', 'messageKey'], { unique: true })
@Index('ix_inbound_message_client_address', ['clientAddress'])
export class InboundMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @OneToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  /** The Message-ID header, or when a mail has none, the SHA-256 of its source: what makes a redelivery the same mail. */
  @Column({ type: 'text', name: 'message_key' })
  messageKey: string;

  /** The privacy address of the organisation the mail was sent to (as the sender wrote it). */
  @Column({ type: 'text', name: 'recipient' })
  recipient: string;

  @Column({ type: 'text', name: 'from_address' })
  fromAddress: string;

  @Column({ type: 'text', name: 'from_name', default: '' })
  fromName: string;

  @Column({ type: 'text', default: '' })
  subject: string;

  /** The Date header: when the sender says they sent it (receipt is the request's received_at). */
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', name: 'text_body', default: '' })
  textBody: string;

  /** The HTML part as received: unsafe, sanitised each time it is shown. */
  @Column({ type: 'text', name: 'html_body', nullable: true })
  htmlBody: string | null;

  /** The original message, byte for byte. */
  @Column({ type: 'bytea', select: false })
  source: Buffer;

  @Column({ type: 'integer', name: 'source_size' })
  sourceSize: number;

  /** The IP address of the server that delivered it: acknowledgements are limited per sending server. */
  @Column({ type: 'text', name: 'client_address', nullable: true })
  clientAddress: string | null;

  /** What SPF, DKIM and DMARC said of the sender when it arrived; null for mail stored before they were checked. */
  @Column({ type: 'jsonb', nullable: true })
  authentication: SenderAuthentication | null;

  /** Whether the sender was sent an automatic acknowledgement, and if not, why not. */
  @Column({ type: 'text' })
  acknowledgement: MailAcknowledgement;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** A file attached to an inbound mail, stored for staff to download. */
@Entity({ name: 'inbound_attachment' })
@Index('ix_inbound_attachment_message', ['messageId'])
export class InboundAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'message_id' })
  messageId: string;

  @ManyToOne(() => InboundMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: InboundMessage;

  @Column({ type: 'text', name: 'file_name' })
  fileName: string;

  @Column({ type: 'text', name: 'content_type' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;
}

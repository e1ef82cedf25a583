import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { SmsKeyword } from '#workflow';

/** What an inbound text led to. */
export type InboundSmsOutcome =
  'suppressed' | 'already_suppressed' | 'resubscribed' | 'not_suppressed' | 'help' | 'no_action';

/** Every text received on an organisation's number, keyword or not, with what was done about it. */
@Entity({ name: 'inbound_sms' })
@Index('ix_inbound_sms_org_received', ['organisationId', 'receivedAt'])
export class InboundSms {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  /** E.164 of the sender; as sent when it is not a number. */
  @Column({ type: 'text', name: 'from_number' })
  fromNumber: string;

  @Column({ type: 'text', name: 'to_number' })
  toNumber: string;

  @Column({ type: 'text' })
  body: string;

  /** The provider's id of the message (Twilio MessageSid), when it gives one. */
  @Column({ type: 'text', name: 'provider_message_id', nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'text', nullable: true })
  keyword: SmsKeyword | null;

  @Column({ type: 'text' })
  outcome: InboundSmsOutcome;

  /** The opt-out request a STOP created. */
  @Column({ type: 'uuid', name: 'request_id', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;
}

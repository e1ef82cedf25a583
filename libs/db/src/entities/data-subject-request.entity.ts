import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { Language, Regime, RequestType, VerificationLevel } from '#policy';
import type { DenialReason, IdentityCheck, RequestStatus } from '#workflow';

import { Organisation } from './organisation.entity.js';
import { PolicyVersion } from './policy-version.entity.js';
import { StaffUser } from './staff-user.entity.js';

export const REQUEST_CHANNELS = ['web', 'email', 'sms', 'api', 'agent', 'gpc'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type RequesterRelationship = 'self' | 'agent';

/** One data-subject request, owned by one organisation. The row owns the status; jobs carry only its id. */
@Entity({ name: 'data_subject_request' })
@Index('ix_request_org_due', ['organisationId', 'dueAt', 'id'])
@Index('ix_request_org_status_due', ['organisationId', 'status', 'dueAt', 'id'])
@Index('ix_request_org_assignee_due', ['organisationId', 'assigneeId', 'dueAt', 'id'])
// Retention finds closed requests by when they closed.
@Index('ix_request_closed', ['closedAt'], { where: 'closed_at IS NOT NULL' })
// The queue's default view (open requests, soonest due first), without walking past closed ones. The list is
// OPEN_STATUSES, in its order, so the queue's `status IN (...)` matches the predicate.
@Index('ix_request_org_open_due', ['organisationId', 'dueAt', 'id'], {
  where: "status IN ('unverified', 'verified', 'in_progress', 'awaiting_requester', 'received_by_email')",
})
// Staff search by requester address (prefix or substring): a trigram index on lower(requester_email), which
// TypeORM cannot describe, so its migration creates it and the schema check leaves it alone.
@Index('ix_request_email_trgm', { synchronize: false })
export class DataSubjectRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human reference given to the requester, e.g. RD-7K3F-92QX. */
  @Column({ type: 'text', unique: true })
  reference: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation)
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'uuid', name: 'policy_version_id' })
  policyVersionId: string;

  @ManyToOne(() => PolicyVersion)
  @JoinColumn({ name: 'policy_version_id' })
  policyVersion?: PolicyVersion;

  /** The right of the policy exercised (its id in the policy file). */
  @Column({ type: 'text', name: 'right_id' })
  rightId: string;

  @Column({ type: 'text' })
  type: RequestType;

  @Column({ type: 'text' })
  regime: Regime;

  @Column({ type: 'text' })
  channel: RequestChannel;

  @Column({ type: 'text' })
  status: RequestStatus;

  @Column({ type: 'text', name: 'requester_name' })
  requesterName: string;

  @Column({ type: 'text', name: 'requester_email' })
  requesterEmail: string;

  @Column({ type: 'text', name: 'requester_phone', nullable: true })
  requesterPhone: string | null;

  @Column({ type: 'text' })
  relationship: RequesterRelationship;

  @Column({ type: 'text', default: '' })
  details: string;

  /** The language the requester chose on the form (else the organisation's first): every mail to them uses it. */
  @Column({ type: 'text', default: 'en' })
  language: Language;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;

  /** When the legal clock started: receipt, or (GDPR) when requested verification arrived. */
  @Column({ type: 'timestamptz', name: 'clock_started_at' })
  clockStartedAt: Date;

  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'acknowledge_by', nullable: true })
  acknowledgeBy: Date | null;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt: Date;

  /** Set when the request is extended: the moved due date. */
  @Column({ type: 'timestamptz', name: 'extended_due_at', nullable: true })
  extendedDueAt: Date | null;

  /** Set while the clock stands still awaiting the requester (GDPR/UK GDPR). */
  @Column({ type: 'timestamptz', name: 'paused_at', nullable: true })
  pausedAt: Date | null;

  /** Local days the clock stood still in earlier pauses; they push the due date later. */
  @Column({ type: 'integer', name: 'paused_days', default: 0 })
  pausedDays: number;

  @Column({ type: 'text', name: 'extension_reason', nullable: true })
  extensionReason: string | null;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: StaffUser | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', name: 'denial_reason', nullable: true })
  denialReason: DenialReason | null;

  /** What the requester is told: the denial's explanation, what a partial response withheld, or what was done. */
  @Column({ type: 'text', name: 'resolution_text', nullable: true })
  resolutionText: string | null;

  /** The controller a processor pointed the requester to. */
  @Column({ type: 'text', name: 'redirected_to', nullable: true })
  redirectedTo: string | null;

  /** Until when the requester can download the response files. */
  @Column({ type: 'timestamptz', name: 'response_available_until', nullable: true })
  responseAvailableUntil: Date | null;

  /** When the acknowledgement of receipt went out (CCPA: due within 10 business days; we send it at once). */
  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  /** When the current verification link expires; the request closes unverified then. */
  @Column({ type: 'timestamptz', name: 'verification_expires_at', nullable: true })
  verificationExpiresAt: Date | null;

  /** When retention removed the requester's personal data, keeping the minimal record the law asks for. */
  @Column({ type: 'timestamptz', name: 'purged_at', nullable: true })
  purgedAt: Date | null;

  @Column({ type: 'text', name: 'verification_required' })
  verificationRequired: VerificationLevel;

  @Column({ type: 'text', name: 'verification_reached', default: 'none' })
  verificationReached: VerificationLevel;

  /**
   * Matching the requester's data points against the organisation's records, where the right needs more than the
   * email: pending until the match job has run (a system may be down meanwhile), matched after, overridden when
   * staff decided the degree themselves; null where none is needed or no data point was given to match.
   */
  @Column({ type: 'text', name: 'identity_check', nullable: true })
  identityCheck: IdentityCheck | null;

  /**
   * The declaration under penalty of perjury a high degree of verification needs (CCPA regs §7062(c)): the name
   * typed as signature and the date written beside it, as given, and when the form carrying it was received.
   */
  @Column({ type: 'text', name: 'declaration_name', nullable: true })
  declarationName: string | null;

  @Column({ type: 'date', name: 'declaration_date', nullable: true })
  declarationDate: string | null;

  @Column({ type: 'timestamptz', name: 'declaration_signed_at', nullable: true })
  declarationSignedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { DataSubjectRequest } from './data-subject-request.entity.js';

/**
 * The identity document a requester uploaded where the right asks for one: kept apart from the request row, its
 * bytes read only when staff view it, and deleted a set time after staff decide on it.
 */
@Entity({ name: 'identity_document' })
@Index('ux_identity_document_request', ['requestId'], { unique: true })
export class IdentityDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  /** The type its first bytes show: PDF, PNG or JPEG. */
  @Column({ type: 'text', name: 'content_type' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;

  /** When staff recorded the degree the document gave; it is deleted a set number of days after. */
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}

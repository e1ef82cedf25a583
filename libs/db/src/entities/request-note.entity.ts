import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { DataSubjectRequest } from './data-subject-request.entity.js';

/**
 * Notes proper (internal, question, reply) and the free text staff give with an action: what the requester is told
 * (extension reason, denial explanation, what was done or withheld, whom to contact instead) and what only staff
 * read (why a request was reopened, how a withdrawal came in, how staff verified the requester's identity).
 */
export type RequestNoteKind =
  | 'internal'
  | 'question'
  | 'requester_reply'
  | 'extension_reason'
  | 'denial_explanation'
  | 'resolution'
  | 'partial_reason'
  | 'redirect'
  | 'reopen_reason'
  | 'withdrawal'
  | 'identity_override';

/**
 * Free text about a request: staff notes, questions to the requester and their replies, and every text staff
 * write with an action. Kept out of the append-only audit log (which points at it by id) so retention can
 * purge it without breaking the chain.
 */
@Entity({ name: 'request_note' })
@Index('ix_request_note_request', ['requestId', 'createdAt'])
export class RequestNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'text' })
  kind: RequestNoteKind;

  /** The staff author; null for the requester. */
  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

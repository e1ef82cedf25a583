import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { DataSubjectRequest } from './data-subject-request.entity.js';

export type RequestTokenPurpose = 'verify' | 'status';

/** A secret link given to a requester. Only the sha256 of its secret is stored. */
@Entity({ name: 'request_token' })
@Index('ix_request_token_request', ['requestId', 'purpose'])
export class RequestToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'text' })
  purpose: RequestTokenPurpose;

  @Column({ type: 'bytea', name: 'secret_hash' })
  secretHash: Buffer;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt: Date | null;

  /** Set when a newer link replaces this one. */
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

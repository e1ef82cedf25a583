import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Organisation } from './organisation.entity.js';
import type { StaffRole } from './staff-membership.entity.js';

/**
 * An admin's invitation of an address to join an organisation in a role. The invitee sets their own password (a new
 * account) or signs in with theirs (an existing one): no admin ever sets or learns a password. The link is
 * `<id>.<secret>`; only the secret's hash is kept, made when the mail is sent.
 */
@Entity({ name: 'staff_invitation' })
@Index('ix_staff_invitation_pending', ['organisationId', 'email'], {
  where: 'accepted_at IS NULL AND revoked_at IS NULL',
})
export class StaffInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** Lower-case, as staff_user.email. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: StaffRole;

  @Column({ type: 'uuid', name: 'invited_by', nullable: true })
  invitedBy: string | null;

  /** Null until the mail with the link is prepared; a resent mail replaces it, so only the latest link works. */
  @Column({ type: 'bytea', name: 'secret_hash', nullable: true })
  secretHash: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}

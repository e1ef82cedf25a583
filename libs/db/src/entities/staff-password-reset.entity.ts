import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { StaffUser } from './staff-user.entity.js';

/** A single-use, short-lived link to choose a new password; only the secret's hash is kept. */
@Entity({ name: 'staff_password_reset' })
@Index('ix_staff_password_reset_user', ['userId'])
export class StaffPasswordReset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: StaffUser;

  /** Null until the mail is prepared (or the CLI printed the link). */
  @Column({ type: 'bytea', name: 'secret_hash', nullable: true })
  secretHash: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt: Date | null;
}

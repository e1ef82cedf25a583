import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A member of an organisation's privacy team, or a platform operator. Passwords are stored as argon2id hashes only. */
@Entity({ name: 'staff_user' })
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case: sign-in is case-insensitive on the address. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'password_hash' })
  passwordHash: string;

  /**
   * Runs the platform rather than one organisation's team: creates organisations from their policies and publishes
   * their policy versions. Grants nothing inside an organisation; that still takes a membership.
   */
  @Column({ type: 'boolean', name: 'platform_operator', default: false })
  platformOperator: boolean;

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Column({ type: 'integer', name: 'failed_sign_ins', default: 0 })
  failedSignIns: number;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A member of an organisation's privacy team. Passwords are stored as argon2id hashes only. */
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

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Column({ type: 'integer', name: 'failed_sign_ins', default: 0 })
  failedSignIns: number;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

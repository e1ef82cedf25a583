import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A key an organisation's other systems use to read its suppression list. Only the SHA-256 of the key is kept
 * (it is 32 random bytes, so a fast hash is enough); the key itself is shown once, when made.
 */
@Entity({ name: 'suppression_api_key' })
@Index('ix_suppression_api_key_org', ['organisationId', 'createdAt'])
export class SuppressionApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  /** What the admin called it, e.g. "CRM". */
  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text', name: 'key_hash', unique: true })
  keyHash: string;

  /** The key's first characters, so staff can tell keys apart. */
  @Column({ type: 'text', name: 'key_prefix' })
  keyPrefix: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}

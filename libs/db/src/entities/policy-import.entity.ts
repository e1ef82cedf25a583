import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { PolicyDraft, Sentence } from '#policy';

import { Organisation } from './organisation.entity.js';
import { PolicyVersion } from './policy-version.entity.js';
import { StaffUser } from './staff-user.entity.js';

/**
 * A policy an operator imported, and the draft drawn from it while they review and edit it. Publishing turns it into
 * a policy version; until then nothing a requester sees depends on it.
 */
@Entity({ name: 'policy_import' })
@Index('ix_policy_import_organisation', ['organisationId', 'createdAt'])
export class PolicyImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organisation this is a new version for; null while it creates one. */
  @Column({ type: 'uuid', name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  /** The uploaded file's name, or null for pasted text. */
  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName: string | null;

  /** The policy's text as the importer read it: what the citations quote and their offsets count in. */
  @Column({ type: 'text', name: 'policy_text' })
  policyText: string;

  /** The text's sentences, each with its offsets: what the review page shows and new rights cite. */
  @Column({ type: 'jsonb' })
  sentences: Sentence[];

  @Column({ type: 'jsonb' })
  draft: PolicyDraft;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: StaffUser;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  /** The version publishing made; null while the draft is under review. */
  @Column({ type: 'uuid', name: 'policy_version_id', nullable: true })
  policyVersionId: string | null;

  @ManyToOne(() => PolicyVersion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'policy_version_id' })
  policyVersion?: PolicyVersion;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt: Date | null;
}

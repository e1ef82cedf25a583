import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { OrganisationPolicy } from '#policy';

import { Organisation } from './organisation.entity.js';

/** One loaded version of an organisation's policy; requests keep the version they were made under. */
@Entity({ name: 'policy_version' })
@Index('uq_policy_version_content', ['organisationId', 'contentHash'], { unique: true })
export class PolicyVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** The policy's own version label (its date). */
  @Column({ type: 'text' })
  version: string;

  /** sha256 of the structured file and the policy text: a changed file is a new version. */
  @Column({ type: 'char', length: 64, name: 'content_hash' })
  contentHash: string;

  @Column({ type: 'jsonb' })
  document: OrganisationPolicy;

  @CreateDateColumn({ type: 'timestamptz', name: 'loaded_at' })
  loadedAt: Date;
}

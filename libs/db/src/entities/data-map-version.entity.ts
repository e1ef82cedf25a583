import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { DataMap } from '#policy';

import { Organisation } from './organisation.entity.js';

/**
 * One loaded version of an organisation's data map. A fulfilment task keeps the version it was planned under, so a
 * map edited mid-request never changes what a running erasure does. The document names environment variables only.
 */
@Entity({ name: 'data_map_version' })
@Index('uq_data_map_version_content', ['organisationId', 'contentHash'], { unique: true })
export class DataMapVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** sha256 of the file: a changed file is a new version. */
  @Column({ type: 'char', length: 64, name: 'content_hash' })
  contentHash: string;

  @Column({ type: 'jsonb' })
  document: DataMap;

  @CreateDateColumn({ type: 'timestamptz', name: 'loaded_at' })
  loadedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An organisation whose privacy policy Rightsdesk runs. Settings come from its seeded policy file. */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text', name: 'holiday_region', nullable: true })
  holidayRegion: string | null;

  /** The policy version new requests are made under. */
  @Column({ type: 'uuid', name: 'current_policy_version_id', nullable: true })
  currentPolicyVersionId: string | null;

  /** The data map new fulfilment tasks are planned under; none until the organisation maps its systems. */
  @Column({ type: 'uuid', name: 'current_data_map_version_id', nullable: true })
  currentDataMapVersionId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

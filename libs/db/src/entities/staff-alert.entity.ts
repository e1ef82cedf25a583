import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Something staff must look at that no mail could tell them (e.g. a mail that failed for good). */
@Entity({ name: 'staff_alert' })
@Index('ix_staff_alert_open', ['organisationId', 'createdAt'], { where: 'resolved_at IS NULL' })
export class StaffAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'request_id', nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  kind: string;

  /** Staff-facing text; never requester personal data. */
  @Column({ type: 'text' })
  message: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;
}

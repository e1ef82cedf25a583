import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Organisation } from './organisation.entity.js';
import { StaffUser } from './staff-user.entity.js';

export const STAFF_ROLES = ['admin', 'agent', 'auditor'] as const;
/** admin: staff and settings; agent: processes requests; auditor: reads and exports only. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A user's role in one organisation; a user sees only organisations they are a member of. */
@Entity({ name: 'staff_membership' })
export class StaffMembership {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @PrimaryColumn({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: StaffUser;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  role: StaffRole;
}

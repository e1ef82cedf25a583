import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';

import type { DrpAction, DrpRegime } from '#workflow';

import { DataSubjectRequest } from './data-subject-request.entity.js';
import { DrpAgent } from './drp-agent.entity.js';

/** What the Data Rights Protocol adds to a request an agent made through it. */
@Entity({ name: 'drp_request' })
@Index('ux_drp_request_org_drp_id', ['organisationId', 'drpRequestId'], { unique: true })
export class DrpRequest {
  @PrimaryColumn({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @OneToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  /** The request's organisation, so a lookup by the protocol's id is scoped like every other query. */
  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  /** The `request_id` the agent knows the request by (§3.03); not our row's id. */
  @Column({ type: 'uuid', name: 'drp_request_id' })
  drpRequestId: string;

  @Column({ type: 'text', name: 'agent_id' })
  agentId: string;

  @ManyToOne(() => DrpAgent)
  @JoinColumn({ name: 'agent_id' })
  agent?: DrpAgent;

  @Column({ type: 'text', name: 'agent_request_id', nullable: true })
  agentRequestId: string | null;

  @Column({ type: 'text', name: 'drp_version' })
  drpVersion: string;

  @Column({ type: 'text' })
  exercise: DrpAction;

  @Column({ type: 'text', name: 'drp_regime' })
  drpRegime: DrpRegime;

  /** §2.01 hints at relationships beyond the expected customer one. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  relationships: string[];

  /**
   * §3.02.1: the page the agent sends its user to while the request waits for their confirmation. It explains
   * the mailed link; the link itself stays private to the requester's mailbox.
   */
  @Column({ type: 'text', name: 'user_verification_url', nullable: true })
  userVerificationUrl: string | null;

  @Column({ type: 'text', name: 'status_callback', nullable: true })
  statusCallback: string | null;

  /** §3.04: whether the agent attests it verified the address and number. */
  @Column({ type: 'boolean', name: 'email_verified' })
  emailVerified: boolean;

  @Column({ type: 'boolean', name: 'phone_number_verified' })
  phoneNumberVerified: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

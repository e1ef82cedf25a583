import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { DrpAgent } from './drp-agent.entity.js';
import { Organisation } from './organisation.entity.js';

/**
 * The bearer token of one agent at one organisation (DRP 0.9.4 §2.05: one per agent–business pair). A new
 * pair-wise setup replaces it. Only the SHA-256 of the token is kept.
 */
@Entity({ name: 'drp_agent_token' })
export class DrpAgentToken {
  @PrimaryColumn({ type: 'text', name: 'agent_id' })
  agentId: string;

  @ManyToOne(() => DrpAgent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id' })
  agent?: DrpAgent;

  @PrimaryColumn({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'bytea', name: 'token_hash', unique: true })
  tokenHash: Buffer;

  @Column({ type: 'timestamptz', name: 'issued_at' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;
}

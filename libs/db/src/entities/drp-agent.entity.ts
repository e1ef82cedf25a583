import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An authorised agent of the Data Rights Protocol: our copy of its entry in the DRP's agent directory
 * (DRP 0.9.4 §3.05.1), the root of trust for its signed requests. Registered by an operator
 * (`rightsdesk drp-agent register`), never by the agent itself.
 */
@Entity({ name: 'drp_agent' })
export class DrpAgent {
  /** The directory id, [A-Z_]+. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Base64 of the 32-byte Ed25519 public key its messages are signed with (§3.05.1 `verify_key`). */
  @Column({ type: 'text', name: 'verify_key' })
  verifyKey: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Signed DRP messages already acted on, until they expire: "a data rights request represents a single action
 * of one user acting against one covered business one time" (DRP 0.9.4 §3.07), so a replay is refused.
 */
@Entity({ name: 'drp_signed_message' })
@Index('ix_drp_signed_message_expires', ['expiresAt'])
export class DrpSignedMessage {
  /** SHA-256 (hex) of the signature, which is unique to the signed bytes. */
  @PrimaryColumn({ type: 'text' })
  digest: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;
}

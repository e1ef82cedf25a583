import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

import { DataSubjectRequest } from './data-subject-request.entity.js';

/**
 * The authorised agent who made a request for a consumer, and the consumer's signed permission (CCPA regs
 * §7063). Personal data of the agent and the consumer: retention deletes the row with the request's other data.
 */
@Entity({ name: 'request_agent' })
export class RequestAgent {
  @PrimaryColumn({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @OneToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'boolean', name: 'is_business' })
  isBusiness: boolean;

  /** California Secretary of State registration (entity) number, where given. */
  @Column({ type: 'text', name: 'registration_number', nullable: true })
  registrationNumber: string | null;

  @Column({ type: 'text', name: 'permission_file_name' })
  permissionFileName: string;

  /** Checked against the file's first bytes at upload: application/pdf, image/png or image/jpeg. */
  @Column({ type: 'text', name: 'permission_content_type' })
  permissionContentType: string;

  @Column({ type: 'integer', name: 'permission_size' })
  permissionSize: number;

  @Column({ type: 'bytea', name: 'permission_content', select: false })
  permissionContent: Buffer;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

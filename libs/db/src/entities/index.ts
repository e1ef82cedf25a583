import { AuditEntry } from './audit-entry.entity.js';
import { DataMapVersion } from './data-map-version.entity.js';
import { DataSubjectRequest } from './data-subject-request.entity.js';
import { DeadlineEvent } from './deadline-event.entity.js';
import { DevMail } from './dev-mail.entity.js';
import { DrpAgent } from './drp-agent.entity.js';
import { DrpAgentToken } from './drp-agent-token.entity.js';
import { DrpRequest } from './drp-request.entity.js';
import { DrpSignedMessage } from './drp-signed-message.entity.js';
import { DrpStatusCallback } from './drp-status-callback.entity.js';
import { DrpStatusChange } from './drp-status-change.entity.js';
import { FulfilmentTask } from './fulfilment-task.entity.js';
import { GpcSignal } from './gpc-signal.entity.js';
import { IdentityDocument } from './identity-document.entity.js';
import { IdentityEvidence } from './identity-evidence.entity.js';
import { InboundAttachment, InboundMessage } from './inbound-message.entity.js';
import { InboundSms } from './inbound-sms.entity.js';
import { Organisation } from './organisation.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { PolicyImport } from './policy-import.entity.js';
import { PolicyVersion } from './policy-version.entity.js';
import { RequestAgent } from './request-agent.entity.js';
import { RequestNote } from './request-note.entity.js';
import { RequestToken } from './request-token.entity.js';
import { ResponseFile } from './response-file.entity.js';
import { SentMessage } from './sent-message.entity.js';
import { StaffAlert } from './staff-alert.entity.js';
import { StaffInvitation } from './staff-invitation.entity.js';
import { StaffMembership } from './staff-membership.entity.js';
import { StaffPasswordReset } from './staff-password-reset.entity.js';
import { StaffSession } from './staff-session.entity.js';
import { StaffUser } from './staff-user.entity.js';
import { Suppression } from './suppression.entity.js';
import { SuppressionApiKey } from './suppression-api-key.entity.js';
import { SuppressionChange } from './suppression-change.entity.js';
import { SystemFindings } from './system-findings.entity.js';
import { VerificationDataPoint } from './verification-data-point.entity.js';

export * from './audit-entry.entity.js';
export * from './data-map-version.entity.js';
export * from './data-subject-request.entity.js';
export * from './deadline-event.entity.js';
export * from './dev-mail.entity.js';
export * from './drp-agent.entity.js';
export * from './drp-agent-token.entity.js';
export * from './drp-request.entity.js';
export * from './drp-signed-message.entity.js';
export * from './drp-status-callback.entity.js';
export * from './drp-status-change.entity.js';
export * from './fulfilment-task.entity.js';
export * from './gpc-signal.entity.js';
export * from './identity-document.entity.js';
export * from './identity-evidence.entity.js';
export * from './inbound-message.entity.js';
export * from './inbound-sms.entity.js';
export * from './organisation.entity.js';
export * from './outbox-message.entity.js';
export * from './policy-import.entity.js';
export * from './policy-version.entity.js';
export * from './request-agent.entity.js';
export * from './request-note.entity.js';
export * from './request-token.entity.js';
export * from './response-file.entity.js';
export * from './sent-message.entity.js';
export * from './staff-alert.entity.js';
export * from './staff-invitation.entity.js';
export * from './staff-membership.entity.js';
export * from './staff-password-reset.entity.js';
export * from './staff-session.entity.js';
export * from './staff-user.entity.js';
export * from './suppression.entity.js';
export * from './suppression-api-key.entity.js';
export * from './suppression-change.entity.js';
export * from './system-findings.entity.js';
export * from './verification-data-point.entity.js';

export const ENTITIES = [
  Organisation,
  PolicyImport,
  PolicyVersion,
  DataSubjectRequest,
  RequestToken,
  OutboxMessage,
  SentMessage,
  DevMail,
  AuditEntry,
  StaffUser,
  StaffMembership,
  StaffSession,
  StaffInvitation,
  StaffPasswordReset,
  ResponseFile,
  RequestNote,
  DeadlineEvent,
  StaffAlert,
  Suppression,
  SuppressionChange,
  InboundSms,
  SuppressionApiKey,
  GpcSignal,
  DrpAgent,
  DrpAgentToken,
  DrpRequest,
  DrpSignedMessage,
  RequestAgent,
  InboundMessage,
  InboundAttachment,
  DrpStatusCallback,
  DrpStatusChange,
  DataMapVersion,
  FulfilmentTask,
  SystemFindings,
  IdentityEvidence,
  VerificationDataPoint,
  IdentityDocument,
];

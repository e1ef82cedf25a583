import { DataSubjectRequest } from './data-subject-request.entity.js';
import { DevMail } from './dev-mail.entity.js';
import { Organisation } from './organisation.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { PolicyVersion } from './policy-version.entity.js';
import { RequestTimelineEntry } from './request-timeline-entry.entity.js';
import { RequestToken } from './request-token.entity.js';
import { SentMessage } from './sent-message.entity.js';

export * from './data-subject-request.entity.js';
export * from './dev-mail.entity.js';
export * from './organisation.entity.js';
export * from './outbox-message.entity.js';
export * from './policy-version.entity.js';
export * from './request-timeline-entry.entity.js';
export * from './request-token.entity.js';
export * from './sent-message.entity.js';

export const ENTITIES = [
  Organisation,
  PolicyVersion,
  DataSubjectRequest,
  RequestToken,
  RequestTimelineEntry,
  OutboxMessage,
  SentMessage,
  DevMail,
];

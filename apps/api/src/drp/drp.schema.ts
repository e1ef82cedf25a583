import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

import {
  DRP_ACTIONS,
  DRP_SUPPORTED_VERIFICATIONS,
  DRP_VERSIONS,
  type DrpReason,
  type DrpStatus,
  type DrpStatusObject,
} from '#workflow';

// The OpenAPI description of the Data Rights Protocol 0.9.4 endpoints, in the protocol's own field names (hyphens
// and dots included): an agent reads it beside the protocol's text. The workflow's types are what is answered.

const DRP_STATUSES: DrpStatus[] = ['open', 'in_progress', 'fulfilled', 'revoked', 'denied', 'expired'];
const DRP_REASONS: DrpReason[] = [
  'need_user_verification',
  'suspected_fraud',
  'insuf_verification',
  'no_match',
  'claim_not_covered',
  'outside_jurisdiction',
  'too_many_requests',
  'other',
];
const instant = (description: string) => ({ type: String, format: 'date-time', description });

/** §3.05.2 Business Discovery Document. */
export class DrpBusinessSchema {
  @ApiProperty({ example: 'SECURUS_TECHNOLOGIES', description: 'The business id: the slug in [A-Z_]+ form' })
  id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) logo!: null;
  @ApiProperty({ format: 'uri', description: 'The base of every other endpoint' }) api_base!: string;
  @ApiProperty({ enum: DRP_ACTIONS, isArray: true, description: 'Only the actions the policy grants' })
  supported_actions!: string[];
  @ApiProperty({ enum: DRP_SUPPORTED_VERIFICATIONS, isArray: true }) supported_verifications!: string[];
  @ApiPropertyOptional({ format: 'uri' }) privacy_policy_url?: string;
  @ApiPropertyOptional({ format: 'email' }) business_contact?: string;
}

/** §2.05 the answer to a pair-wise key setup. */
export class DrpTokenSchema {
  @ApiProperty({ name: 'agent-id' }) agentId!: string;
  @ApiProperty({ description: 'The bearer token for this business, valid 30 days' }) token!: string;
}

/** §3.03 Data Rights Status object. */
export class DrpStatusSchema implements DrpStatusObject {
  @ApiProperty({ format: 'uuid' }) request_id!: string;
  @ApiProperty({ enum: DRP_STATUSES }) status!: DrpStatus;
  @ApiPropertyOptional({ enum: DRP_REASONS }) reason?: DrpReason;
  @ApiProperty(instant('When the request was received')) received_at!: string;
  @ApiPropertyOptional(instant('While open: the due date in force, extension included')) expected_by?: string;
  @ApiPropertyOptional({ description: "The agent's own id of the request, as it sent it" }) agent_request_id?: string;
  @ApiProperty({ description: 'What is happening, in words (with an extension, its reason)' })
  processing_details!: string;
  @ApiPropertyOptional({
    format: 'uri',
    description: 'With need_user_verification: the page telling the user to confirm',
  })
  user_verification_url?: string;
}

/** §3.06 error body. */
export class DrpErrorSchema {
  @ApiProperty({ example: '400', description: 'The HTTP status, as a string' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'true where retrying cannot help' }) fatal?: boolean;
}

/** The claims §2.01 and §3.07 ask of every signed message (the JSON after the signature). */
class DrpEnvelopeSchema {
  @ApiProperty({ name: 'agent-id' }) agentId!: string;
  @ApiProperty({ name: 'business-id' }) businessId!: string;
  @ApiProperty({ name: 'issued-at', ...instant('Not in the future') }) issuedAt!: string;
  @ApiProperty({ name: 'expires-at', ...instant('Not passed') }) expiresAt!: string;
}

/** §2.05 the signed message of a pair-wise key setup. */
export class DrpSetupMessageSchema extends DrpEnvelopeSchema {}

/** §2.01 the signed message of a Data Rights Exercise, with §3.04's identity claims. */
export class DrpExerciseMessageSchema extends DrpEnvelopeSchema {
  @ApiProperty({ name: 'drp.version', enum: DRP_VERSIONS }) version!: string;
  @ApiProperty({ enum: [...DRP_ACTIONS, 'sale:opt-out'] }) exercise!: string;
  @ApiPropertyOptional({ enum: ['ccpa'], description: 'Left out: a voluntary request' }) regime?: string;
  @ApiPropertyOptional({ type: [String], maxItems: 20 }) relationships?: string[];
  @ApiPropertyOptional({ format: 'uri', description: 'Where status changes are POSTed (§2.03)' })
  status_callback?: string;
  @ApiPropertyOptional({ name: 'agent-request-id', maxLength: 500 }) agentRequestId?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ format: 'email' }) email?: string;
  @ApiPropertyOptional() email_verified?: boolean;
  @ApiPropertyOptional() phone_number?: string;
  @ApiPropertyOptional() phone_number_verified?: boolean;
}

/** §2.04 the signed message of a revoke: it must name the URL's request (see docs/drp.md). */
export class DrpRevokeMessageSchema {
  @ApiProperty({ format: 'uuid', description: "The URL's request_id" }) request_id!: string;
  @ApiPropertyOptional({ maxLength: 5000 }) reason?: string;
}

/** §3.07.1: what every signed body is; the message it carries is the given schema. */
export const signedBodySchema = (message: Type) => ({
  type: 'string' as const,
  description:
    'text/plain: the base64 Ed25519 signature followed by the JSON message (libsodium combined mode, §3.07.1), at ' +
    `most 64 KB. The message: ${getSchemaPath(message)}.`,
});

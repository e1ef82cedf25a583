import { Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { type Clock, Env } from '#config';
import { openSignedMessage, verifyKeyFrom } from '#db';
import {
  checkEnvelope,
  checkVersion,
  DRP_SUPPORTED_VERIFICATIONS,
  drpBusinessId,
  type DrpStatusObject,
  isJsonObject,
  supportedActions,
} from '#workflow';

import { CLOCK } from '../infra/tokens.js';
import {
  DrpBusinessSchema,
  DrpErrorSchema,
  DrpExerciseMessageSchema,
  DrpRevokeMessageSchema,
  DrpSetupMessageSchema,
  DrpStatusSchema,
  DrpTokenSchema,
  signedBodySchema,
} from './drp.schema.js';
import { DrpBusinesses } from './drp-businesses.service.js';
import { DrpCredentials, ReplayedMessage } from './drp-credentials.service.js';
import { DrpError } from './drp-error.js';
import { DrpRequestsService } from './drp-requests.service.js';
import { signedBody } from './signed-body.js';

/**
 * The Data Rights Protocol 0.9.4 endpoints of each organisation as a covered business. Each organisation is its
 * own business with its own API base, /drp/:org: the protocol addresses one business per base URL and scopes
 * tokens to it (§2.05.1).
 */
@Controller('drp/:org')
@ApiTags('Data Rights Protocol')
@ApiExtraModels(DrpSetupMessageSchema, DrpExerciseMessageSchema, DrpRevokeMessageSchema, DrpErrorSchema)
@ApiParam({ name: 'org', description: "The organisation's slug: each is its own business" })
@ApiNotFoundResponse({ type: DrpErrorSchema, description: 'Unknown business or request' })
export class DrpController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly businesses: DrpBusinesses,
    private readonly credentials: DrpCredentials,
    private readonly requests: DrpRequestsService,
    private readonly env: Env,
  ) {}

  /**
   * §3.05.2 Business Discovery Document: the entry the organisation gives the DRP directory's operators (0.9
   * removed the business-hosted /.well-known/data-rights.json). It advertises only the actions the policy grants.
   */
  @Get('business.json')
  @ApiOperation({
    summary: '§3.05.2 Business Discovery Document',
    description: 'Advertises only the actions the policy grants.',
  })
  @ApiOkResponse({ type: DrpBusinessSchema, description: "The business's directory entry" })
  async business(@Param('org') slug: string): Promise<Record<string, unknown>> {
    const { policy } = await this.businesses.business(slug);
    return {
      id: drpBusinessId(policy.slug),
      name: policy.name,
      logo: null,
      api_base: `${this.env.PUBLIC_URL}/drp/${policy.slug}`,
      supported_actions: supportedActions(policy.rights),
      supported_verifications: DRP_SUPPORTED_VERIFICATIONS,
      ...(policy.source.url ? { privacy_policy_url: policy.source.url } : {}),
      ...(policy.privacyEmail ? { business_contact: policy.privacyEmail } : {}),
    };
  }

  /** §2.05 Pair-wise Key Setup: a message signed with the agent's registered key earns a bearer token. */
  @Post('v1/agent/:agentId')
  @ApiOperation({
    summary: '§2.05 Pair-wise key setup',
    description: 'A message signed with the registered key earns a bearer token.',
  })
  @ApiParam({ name: 'agentId', description: "The agent's id in the DRP directory" })
  @ApiConsumes('text/plain')
  @ApiBody({
    schema: signedBodySchema(DrpSetupMessageSchema),
    description: `A signed pair-wise setup message (schema DrpSetupMessage)`,
  })
  @ApiOkResponse({ type: DrpTokenSchema, description: 'The bearer token for this business' })
  @ApiForbiddenResponse({ description: 'Any failure, with no body (§2.05.1)' })
  async pairwiseSetup(
    @Param('org') slug: string,
    @Param('agentId') agentId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const context = await this.businesses.forSetup(slug, req.ip);
    const body = await signedBody(req);
    const now = this.clock.now();
    const agent = await this.credentials.agent(agentId);
    const key = agent && verifyKeyFrom(agent.verifyKey);
    const opened = key ? openSignedMessage(body, key) : undefined;
    const message = opened?.ok && isJsonObject(opened.message) ? opened.message : undefined;
    // The URL's agent-id must be the signed one (§2.05), then §3.07's checks.
    const envelope = message && checkEnvelope(message, { agentId, businessId: drpBusinessId(slug), now });
    const valid = agent && opened?.ok && message && envelope?.ok && checkVersion(message).ok;
    if (!valid) {
      // §2.05.1: "HTTP 403 Forbidden response with no response body".
      res.status(403).end();
      return;
    }
    try {
      const token = await this.credentials.issueToken(
        agent.id,
        context.organisation.id,
        opened.signature,
        envelope.value.expiresAt,
        now,
      );
      res.status(200).json({ 'agent-id': agent.id, token });
    } catch (error) {
      if (!(error instanceof ReplayedMessage)) throw error;
      res.status(403).end();
    }
  }

  /** §2.06 Agent Information: whether the bearer token still holds, for the agent it names. */
  @Get('v1/agent/:agentId')
  @ApiOperation({ summary: '§2.06 Agent information', description: 'Whether the bearer token still holds.' })
  @ApiParam({ name: 'agentId', description: "The agent's id in the DRP directory" })
  @ApiBearerAuth('drp-token')
  @ApiOkResponse({ schema: { type: 'object', maxProperties: 0 }, description: 'An empty object while the token holds' })
  @ApiUnauthorizedResponse({ type: DrpErrorSchema, description: 'Missing, unknown or expired token' })
  @ApiForbiddenResponse({ type: DrpErrorSchema, description: "Another agent's id" })
  async agentInformation(
    @Param('org') slug: string,
    @Param('agentId') agentId: string,
    @Headers('authorization') authorization?: string,
  ): Promise<Record<string, never>> {
    const { agent } = await this.businesses.authenticated(slug, authorization);
    if (agent.id !== agentId) throw new DrpError(403, 'The bearer token belongs to another agent.');
    return {};
  }

  /** §2.01 Data Rights Exercise (with and without the trailing slash §2.01 allows). */
  @Post(['v1/data-rights-request', 'v1/data-rights-request/'])
  @HttpCode(200)
  @ApiOperation({
    summary: '§2.01 Data Rights Exercise',
    description: "Files the request through the form's intake; the requester confirms by email.",
  })
  @ApiBearerAuth('drp-token')
  @ApiConsumes('text/plain')
  @ApiBody({
    schema: signedBodySchema(DrpExerciseMessageSchema),
    description: `A signed exercise message (schema DrpExerciseMessage)`,
  })
  @ApiOkResponse({ type: DrpStatusSchema, description: "The new request's status" })
  @ApiResponse({
    status: 400,
    type: DrpErrorSchema,
    description: 'Malformed body, unknown or ungranted action, bad claims',
  })
  @ApiUnauthorizedResponse({ type: DrpErrorSchema, description: 'Missing, unknown or expired token' })
  @ApiForbiddenResponse({ type: DrpErrorSchema, description: 'Bad signature, wrong ids, stale or replayed message' })
  async exercise(
    @Param('org') slug: string,
    @Req() req: Request,
    @Headers('authorization') authorization?: string,
  ): Promise<DrpStatusObject> {
    const { context, agent } = await this.businesses.authenticated(slug, authorization);
    return this.requests.exercise(context, agent, await signedBody(req), this.clock.now());
  }

  /** §2.02 Data Rights Status. */
  @Get('v1/data-rights-request/:requestId')
  @ApiOperation({ summary: '§2.02 Data Rights Status' })
  @ApiParam({ name: 'requestId', description: 'The request_id of the exercise' })
  @ApiBearerAuth('drp-token')
  @ApiOkResponse({ type: DrpStatusSchema, description: "The request's status (§3.03)" })
  @ApiUnauthorizedResponse({ type: DrpErrorSchema, description: 'Missing, unknown or expired token' })
  @ApiForbiddenResponse({ type: DrpErrorSchema, description: "Another agent's request" })
  async status(
    @Param('org') slug: string,
    @Param('requestId') requestId: string,
    @Headers('authorization') authorization?: string,
  ): Promise<DrpStatusObject> {
    const { context, agent } = await this.businesses.authenticated(slug, authorization);
    return this.requests.status(context, agent, requestId);
  }

  /** §2.04 Data Rights Revoke. */
  @Delete('v1/data-rights-request/:requestId')
  @ApiOperation({
    summary: '§2.04 Data Rights Revoke',
    description: 'Withdraws the request; the signed body must name it.',
  })
  @ApiParam({ name: 'requestId', description: 'The request_id of the exercise' })
  @ApiBearerAuth('drp-token')
  @ApiConsumes('text/plain')
  @ApiBody({
    schema: signedBodySchema(DrpRevokeMessageSchema),
    description: `A signed revoke message (schema DrpRevokeMessage)`,
  })
  @ApiOkResponse({ type: DrpStatusSchema, description: 'The status, revoked' })
  @ApiResponse({ status: 409, type: DrpErrorSchema, description: 'The request is already closed' })
  @ApiUnauthorizedResponse({ type: DrpErrorSchema, description: 'Missing, unknown or expired token' })
  @ApiForbiddenResponse({ type: DrpErrorSchema, description: "Bad signature, or another agent's request" })
  async revoke(
    @Param('org') slug: string,
    @Param('requestId') requestId: string,
    @Req() req: Request,
    @Headers('authorization') authorization?: string,
  ): Promise<DrpStatusObject> {
    const { context, agent } = await this.businesses.authenticated(slug, authorization);
    return this.requests.revoke(context, agent, requestId, await signedBody(req), this.clock.now());
  }
}

import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { Env } from '#config';
import {
  DataSubjectRequest,
  type DrpAgent,
  DrpRequest,
  drpStatusOfRequest,
  openSignedMessage,
  type OrganisationContext,
  startDrpStatusCallbacks,
  verifyKeyFrom,
} from '#db';
import { translator } from '#mail';
import {
  checkEnvelope,
  checkVersion,
  drpBusinessId,
  type DrpExercise,
  type DrpStatusObject,
  isJsonObject,
  parseExercise,
  rightForExercise,
} from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';
import { validateForm } from '../intake/form-validation.js';
import { RequestFormDto } from '../intake/request-form.dto.js';
import { RequestIntakeService } from '../intake/request-intake.service.js';
import { RequestActionsService } from '../requests/request-actions.service.js';
import { ReplayedMessage, spendMessage } from './drp-credentials.service.js';
import { DrpError } from './drp-error.js';

const MAX_REVOKE_REASON = 5000;
// A revoke without `expires-at` is valid for ever, so its digest is kept for ever too: one small row per revoke,
// and a request reopened later cannot be revoked again by the old message.
const KEPT_FOR_GOOD = new Date('9999-12-31T00:00:00Z');

/** The covered business's side of a DRP request: exercise (§2.01), status (§2.02) and revoke (§2.04). */
@Injectable()
export class DrpRequestsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly intake: RequestIntakeService,
    private readonly actions: RequestActionsService,
    private readonly env: Env,
  ) {}

  /** Files the exercise through the same intake as the web form; the DRP facts are written in its transaction. */
  async exercise(context: OrganisationContext, agent: DrpAgent, body: string, now: Date): Promise<DrpStatusObject> {
    const { message, signature } = this.open(agent, body);
    const envelope = checkEnvelope(message, {
      agentId: agent.id,
      businessId: drpBusinessId(context.organisation.slug),
      now,
    });
    if (!envelope.ok) throw DrpError.from(envelope.refusal);
    const version = checkVersion(message);
    if (!version.ok) throw DrpError.from(version.refusal);
    const parsed = parseExercise(message);
    if (!parsed.ok) throw DrpError.from(parsed.refusal);
    const exercise = parsed.value;
    const right = rightForExercise(context.policy.rights, exercise.action, exercise.regime);
    if (!right)
      throw new DrpError(
        400,
        `Unsupported rights action: ${context.policy.name} does not offer "${exercise.action}" under the ${exercise.regime} regime.`,
      );

    const form = await validateForm(
      RequestFormDto,
      {
        name: exercise.identity.name,
        email: exercise.identity.email,
        phone: exercise.identity.phoneNumber,
        rightId: right.id,
        relationship: 'agent',
        details: detailsFor(agent, exercise),
      },
      translator('en'),
    );
    if (!form.ok) {
      const claims: Record<string, string> = {
        name: 'name',
        email: 'email',
        phone: 'phone_number',
        details: 'relationships',
      };
      const problems = Object.entries(form.errors).map(
        ([field, messages]) => `"${claims[field] ?? field}": ${(messages ?? []).join(' ')}`,
      );
      throw new DrpError(400, `The identity claims cannot be used: ${problems.join(' ')}`);
    }

    const drpRequestId = randomUUID();
    const userVerificationUrl = `${this.env.PUBLIC_URL}/o/${context.organisation.slug}/drp/${drpRequestId}/confirm`;
    try {
      const request = await this.intake.submit(context, right, form.value, now, {
        origin: {
          channel: 'agent',
          suppressionSource: 'drp',
          recordWith: async (tx, stored) => {
            await spendMessage(tx, signature, envelope.value.expiresAt, now);
            const drp = tx.create(DrpRequest, {
              requestId: stored.id,
              organisationId: stored.organisationId,
              drpRequestId,
              agentId: agent.id,
              agentRequestId: exercise.agentRequestId,
              drpVersion: version.value,
              exercise: exercise.action,
              drpRegime: exercise.regime,
              relationships: exercise.relationships,
              statusCallback: exercise.statusCallback,
              userVerificationUrl,
              emailVerified: exercise.identity.emailVerified,
              phoneNumberVerified: exercise.identity.phoneNumberVerified,
            });
            await tx.insert(DrpRequest, drp);
            await startDrpStatusCallbacks(tx, stored, drp, now);
          },
        },
      });
      return drpStatusOfRequest(request, {
        drpRequestId,
        agentRequestId: exercise.agentRequestId,
        userVerificationUrl,
      });
    } catch (error) {
      if (error instanceof ReplayedMessage) throw replayed();
      throw error;
    }
  }

  async status(context: OrganisationContext, agent: DrpAgent, drpRequestId: string): Promise<DrpStatusObject> {
    const drp = await this.managedBy(context, agent, drpRequestId);
    return drpStatusOfRequest(await this.request(context, drp), drp);
  }

  /**
   * Withdraws the request through the state machine (audited, the requester mailed); §2.04.1 answers the new
   * state. The signed body must name the request it revokes and is spent once: §2.04 defines only `reason`, and a
   * body that names no request would revoke any request of the agent it was replayed against.
   */
  async revoke(
    context: OrganisationContext,
    agent: DrpAgent,
    drpRequestId: string,
    body: string,
    now: Date,
  ): Promise<DrpStatusObject> {
    const { message, signature } = this.open(agent, body);
    const drp = await this.managedBy(context, agent, drpRequestId);
    if (typeof message.request_id !== 'string')
      throw new DrpError(400, 'The signed revoke must name the request it revokes in "request_id".', true);
    if (message.request_id !== drp.drpRequestId)
      throw new DrpError(403, 'The signed revoke names another request than the URL.', true);
    // §2.04 defines only `reason`; a revoke that carries §2.01's envelope claims has them checked as §3.07 says.
    let expiresAt = KEPT_FOR_GOOD;
    if (['agent-id', 'business-id', 'issued-at', 'expires-at'].some((claim) => claim in message)) {
      const envelope = checkEnvelope(message, {
        agentId: agent.id,
        businessId: drpBusinessId(context.organisation.slug),
        now,
      });
      if (!envelope.ok) throw DrpError.from(envelope.refusal);
      expiresAt = envelope.value.expiresAt;
    }
    if (
      message.reason !== undefined &&
      (typeof message.reason !== 'string' || message.reason.length > MAX_REVOKE_REASON)
    ) {
      throw new DrpError(400, '"reason" must be a string of at most 5,000 characters.');
    }
    try {
      await this.dataSource.transaction((tx) => spendMessage(tx, signature, expiresAt, now));
    } catch (error) {
      if (error instanceof ReplayedMessage) throw replayed();
      throw error;
    }
    await this.actions.withdraw(
      context.organisation.id,
      drp.requestId,
      { id: null, label: `drp agent ${agent.id}` },
      { route: 'authorised_agent', note: '' },
      now,
    );
    return drpStatusOfRequest(await this.request(context, drp), drp);
  }

  private open(agent: DrpAgent, body: string): { message: Record<string, unknown>; signature: Buffer } {
    const key = verifyKeyFrom(agent.verifyKey);
    if (!key) throw new DrpError(403, 'The verify key registered for this agent is not a usable Ed25519 key.');
    const opened = openSignedMessage(body, key);
    if (!opened.ok) {
      if (opened.problem === 'bad_signature')
        throw new DrpError(403, "The signature does not verify with the agent's registered key.");
      if (opened.problem === 'not_base64')
        throw new DrpError(400, 'The body must be the base64 of the signature followed by the JSON message.');
      throw new DrpError(400, 'The signed message is not valid JSON.');
    }
    if (!isJsonObject(opened.message)) throw new DrpError(400, 'The signed message must be a JSON object.');
    return { message: opened.message, signature: opened.signature };
  }

  /**
   * The request by its DRP id, within this organisation only: another organisation's request is not found here.
   * §2.02.1: one another agent manages is 403.
   */
  private async managedBy(context: OrganisationContext, agent: DrpAgent, drpRequestId: string): Promise<DrpRequest> {
    const drp = isUuid(drpRequestId)
      ? await this.dataSource
          .getRepository(DrpRequest)
          .findOneBy({ organisationId: context.organisation.id, drpRequestId })
      : null;
    if (!drp) throw new DrpError(404, 'There is no such request here.');
    if (drp.agentId !== agent.id) throw new DrpError(403, 'This request is managed by another agent.');
    return drp;
  }

  private async request(context: OrganisationContext, drp: DrpRequest): Promise<DataSubjectRequest> {
    return this.dataSource
      .getRepository(DataSubjectRequest)
      .findOneByOrFail({ id: drp.requestId, organisationId: context.organisation.id });
  }
}

/** What staff read in the request's details: who sent it, and the agent's relationship hints. */
function detailsFor(agent: DrpAgent, exercise: DrpExercise): string {
  const hints = exercise.relationships.length > 0 ? ` Relationship hints: ${exercise.relationships.join(', ')}.` : '';
  const verified = exercise.identity.emailVerified ? ' The agent attests it verified the email address.' : '';
  return `Sent by the authorised agent ${agent.name} (${agent.id}) through the Data Rights Protocol, as "${exercise.action}" (${exercise.regime}).${verified}${hints}`;
}

function replayed(): DrpError {
  return new DrpError(403, 'This signed request was already received: sign a new one for a new request.', true);
}

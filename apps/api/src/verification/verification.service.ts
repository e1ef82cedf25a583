import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import {
  acceptTransition,
  commitTransition,
  DataSubjectRequest,
  lockRequest,
  type OrganisationContext,
  OrganisationDirectory,
  redeemableToken,
  RequestAgent,
  REQUESTER_ACTOR,
  requestFacts,
  RequestToken,
  type TokenRefusal,
  writeOutbox,
} from '#db';
import { storedLanguage } from '#mail';
import type { Language, VerificationLevel } from '#policy';
import {
  type RefusalCode,
  refuseAgentAuthority,
  type RequestFacts,
  type TransitionResult,
  verifyRequest,
} from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';

/** Why a link cannot confirm: the link itself, or the request it is for, already confirmed or withdrawn. */
export type LinkRefusal = TokenRefusal | 'already_verified' | 'withdrawn';

export type VerificationOutcome =
  | { ok: true; request: DataSubjectRequest; context: OrganisationContext }
  | { ok: false; refusal: LinkRefusal; organisationName?: string; language?: Language };

@Injectable()
export class VerificationService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  /** Whether a link would be accepted now, without using it (the GET that shows the confirm button). */
  async check(
    token: string,
    now: Date,
  ): Promise<
    | { ok: true; organisationName: string; reference: string; agentName?: string; language: Language }
    | { ok: false; refusal: LinkRefusal; organisationName?: string; language?: Language }
  > {
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'verify', now);
      if (!found.ok) return found;
      const request = await tx.findOneByOrFail(DataSubjectRequest, { id: found.token.requestId });
      const context = await this.directory.forRequest(request);
      // Withdrawn (by the requester's agent, say) before being confirmed: there is nothing left to confirm.
      if (request.status === 'withdrawn')
        return {
          ok: false,
          refusal: 'withdrawn',
          organisationName: context.policy.name,
          language: storedLanguage(request.language),
        };
      const agent =
        request.relationship === 'agent' ? await tx.findOneBy(RequestAgent, { requestId: request.id }) : null;
      return {
        ok: true,
        organisationName: context.policy.name,
        reference: request.reference,
        agentName: agent?.name,
        language: storedLanguage(request.language),
      };
    });
  }

  /**
   * The consumer says they did not authorise the agent's request: it closes unverified and the link is used up.
   * Refused like a used link when the request was no agent's or is no longer waiting for confirmation.
   */
  async refuseAgent(
    token: string,
    now: Date,
  ): Promise<
    | { ok: true; organisationName: string; reference: string; language: Language }
    | { ok: false; refusal: LinkRefusal; organisationName?: string; language?: Language }
  > {
    const outcome = await this.redeem(token, now, {
      transition: (facts) => refuseAgentAuthority(facts, now),
    });
    if (outcome.ok)
      return {
        ok: true,
        organisationName: outcome.context.policy.name,
        reference: outcome.request.reference,
        language: storedLanguage(outcome.request.language),
      };
    if ('refusal' in outcome) return outcome;
    if (outcome.refused === 'not_made_by_agent') return { ok: false, refusal: 'unknown' };
    return {
      ok: false,
      refusal: outcome.withdrawn ? 'withdrawn' : 'already_verified',
      organisationName: outcome.context.policy.name,
      language: outcome.language,
    };
  }

  /** Uses a verification link: marks the request verified and, under GDPR, starts its clock. */
  async verify(token: string, now: Date): Promise<VerificationOutcome> {
    const outcome = await this.redeem(token, now, {
      transition: (facts) => verifyRequest(facts, now),
      reached: 'email',
      detail: (request) => ({ clockStartedAt: request.clockStartedAt, dueAt: request.dueAt }),
    });
    if (outcome.ok || 'refusal' in outcome) return outcome;
    return {
      ok: false,
      refusal: outcome.withdrawn ? 'withdrawn' : 'already_verified',
      organisationName: outcome.context.policy.name,
      language: outcome.language,
    };
  }

  /**
   * One requester's answer through their verification link, in one transaction: the request locked, the
   * transition applied, the link used up, reminders and a DRP agent's status following, the timeline entry.
   */
  private redeem(
    token: string,
    now: Date,
    step: {
      transition: (facts: RequestFacts) => TransitionResult;
      /** The verification the link proves, where the answer is a confirmation. */
      reached?: VerificationLevel;
      /** What the timeline entry records beside the transition's action. */
      detail?: (request: DataSubjectRequest) => Record<string, unknown>;
    },
  ): Promise<
    | { ok: true; request: DataSubjectRequest; context: OrganisationContext }
    | { ok: false; refusal: TokenRefusal }
    | { ok: false; refused: RefusalCode; withdrawn: boolean; context: OrganisationContext; language: Language }
  > {
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'verify', now);
      if (!found.ok) return found;
      const request = await lockRequest(tx, { id: found.token.requestId });
      if (!request) throw new Error(`The request of token ${found.token.id} is gone`);
      const context = await this.directory.forRequest(request);
      const result = step.transition(requestFacts(request, context));
      if (!result.ok)
        return {
          ok: false,
          refused: result.error.code,
          withdrawn: request.status === 'withdrawn',
          context,
          language: storedLanguage(request.language),
        };

      const change = acceptTransition(request, result);
      if (step.reached) request.verificationReached = step.reached;
      await tx.update(RequestToken, { id: found.token.id }, { usedAt: now });
      await commitTransition(tx, request, context, {
        actor: REQUESTER_ACTOR,
        ...change,
        detail: step.detail?.(request) ?? {},
        at: now,
      });
      return { ok: true, request, context };
    });
  }

  /**
   * Queues a new verification link when the reference and address match an unverified request.
   * Says nothing about whether they matched, so the form cannot be used to probe references.
   */
  async resend(context: OrganisationContext, reference: string, email: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const request = await tx
        .createQueryBuilder(DataSubjectRequest, 'r')
        .where('r.organisation_id = :org AND r.reference = :reference', { org: context.organisation.id, reference })
        .andWhere("r.status = 'unverified' AND lower(r.requester_email) = lower(:email)", { email })
        .getOne();
      // Each resend is its own cause, so its job id is new; the relay still dedups this one row.
      if (request) await writeOutbox(tx, 'verification.send', { requestId: request.id }, `resend-${randomUUID()}`);
    });
  }
}

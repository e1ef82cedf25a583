import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import {
  acceptTransition,
  commitTransition,
  type DataSubjectRequest,
  GpcSignal,
  type IdentityClaim,
  insertRequest,
  lockKeys,
  lockUntilCommit,
  type OrganisationContext,
  RequestAgent,
  type RequestChannel,
  type Requester,
  REQUESTER_ACTOR,
  requestFacts,
  RequestNote,
  SYSTEM_ACTOR,
  withFreshReference,
  writeOutbox,
} from '#db';
import { findRight, type Language, type PolicyRight, type ProcessorRedirect } from '#policy';
import {
  addressKey,
  deny,
  type FrequencyDecision,
  frequencyDecision,
  type GpcDecision,
  redirect,
  requiresVerification,
  type SuppressionSource,
} from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from '../suppression/opt-out.service.js';
import type { AgentFormDto } from './agent-form.dto.js';
import type { PermissionFile } from './permission-file.js';
import type { RequestFormDto } from './request-form.dto.js';

/** Where a request came in, and what that channel keeps beside it, written in the same transaction. */
export interface IntakeOrigin {
  channel: RequestChannel;
  /** What an opt-out's suppression names as its source. */
  suppressionSource: SuppressionSource;
  /** Runs once the request and what follows it (its verification mail, or an opt-out's fulfilment) are written. */
  recordWith?: (tx: EntityManager, request: DataSubjectRequest) => Promise<void>;
}

const WEB_FORM: IntakeOrigin = { channel: 'web', suppressionSource: 'form' };

/** How the request came: for the requester themselves, by an authorised agent, or about data held for a controller. */
export type IntakeRoute =
  | { kind: 'self' }
  | { kind: 'agent'; agent: AgentFormDto; permission: PermissionFile }
  | { kind: 'redirect'; redirect: ProcessorRedirect };

export interface IntakeOptions {
  route?: IntakeRoute;
  /** The Global Privacy Control signal that came with the submission, decided for this organisation. */
  gpc?: GpcDecision | null;
  origin?: IntakeOrigin;
  /** The language of the form it was made on. */
  language?: Language;
  /** Data points and the declaration given to prove who the requester is, where the right needs them. */
  identity?: IdentityClaim;
}

/** One submission as the intake works on it: the organisation, the right, what was typed, when, and how it came. */
interface Submission {
  context: OrganisationContext;
  right: PolicyRight;
  form: RequestFormDto;
  receivedAt: Date;
  route: IntakeRoute;
  gpc: GpcDecision | null;
  origin: IntakeOrigin;
  language?: Language;
  identity?: IdentityClaim;
}

/**
 * Turns a valid submission into a stored request and what follows it, in one transaction: the verification
 * mail, or (opt-outs, which need no verification) the suppression and fulfilment; an agent's details and signed
 * permission; or, for data the organisation only processes, the redirect to its controller. A Global Privacy
 * Control signal the organisation honours adds the submitter's opt-out of sale/sharing to the same transaction.
 */
@Injectable()
export class RequestIntakeService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly optOuts: OptOutService,
  ) {}

  submit(
    context: OrganisationContext,
    right: PolicyRight,
    form: RequestFormDto,
    receivedAt: Date,
    options: IntakeOptions = {},
  ): Promise<DataSubjectRequest> {
    const { route = { kind: 'self' }, gpc = null, origin = WEB_FORM, language, identity } = options;
    const submission: Submission = { context, right, form, receivedAt, route, gpc, origin, language, identity };
    return withFreshReference(() => this.dataSource.transaction((tx) => this.insert(tx, submission)));
  }

  private async insert(tx: EntityManager, submission: Submission): Promise<DataSubjectRequest> {
    const { context, right, form, receivedAt, route, gpc, origin, language, identity } = submission;
    const requester: Requester = {
      // For an agent's request these are the consumer's: verification and every answer go to the consumer.
      name: form.name,
      email: form.email,
      phone: form.phone || null,
      // As the requester said; an agent's details are taken only when the request is worked here, not redirected.
      relationship: route.kind === 'agent' ? 'agent' : form.relationship,
      details: form.details ?? '',
      language,
    };
    const channel = route.kind === 'agent' ? 'agent' : origin.channel;
    const email = addressKey(form.email);
    const frequency = route.kind === 'redirect' ? null : await this.frequencyOf(tx, submission, email);
    const request = await insertRequest(tx, context, {
      right,
      requester,
      channel,
      receivedAt,
      // A redirected request closes at once, to be answered by the controller: nothing to verify here.
      ...(identity && route.kind !== 'redirect' ? { identity } : {}),
    });
    if (route.kind === 'redirect') await this.redirectAtOnce(tx, request, context, route.redirect, receivedAt);
    else {
      if (route.kind === 'agent') await this.recordAgent(tx, request, route);
      if (frequency && !frequency.within) await this.denyOverLimit(tx, request, submission, frequency);
      else if (requiresVerification(right.type))
        await writeOutbox(tx, 'verification.send', { requestId: request.id }, 'initial');
      else
        await this.optOuts.fulfil(tx, request, {
          context,
          source: origin.suppressionSource,
          address: email,
          at: receivedAt,
          confirmedBy: 'mail',
        });
    }
    // Last, so that what the channel keeps records the request as it is answered (an opt-out already fulfilled).
    await origin.recordWith?.(tx, request);
    if (gpc) await this.recordGpc(tx, { ...submission, gpc }, request, requester, email);
    return request;
  }

  /**
   * The policy's limit on how often the right may be asked, against the person's earlier requests here (by
   * normalised address). Only requests whose address was confirmed count, and none that were declined, withdrawn
   * or closed unconfirmed: someone typing another person's address cannot use up that person's allowance. A lock
   * on the person makes parallel posts count one another.
   */
  private async frequencyOf(
    tx: EntityManager,
    { context, right, receivedAt: at }: Submission,
    email: string,
  ): Promise<FrequencyDecision | null> {
    if (!right.limit) return null;
    const organisationId = context.organisation.id;
    await lockUntilCommit(tx, lockKeys.requestFrequency(organisationId, email));
    const allowance = [right.id, ...(right.limit.sharedWith ?? [])];
    const earlier = (await tx.query(
      `SELECT right_id AS "rightId", received_at AS "receivedAt" FROM data_subject_request
        WHERE organisation_id = $1 AND lower(requester_email) = $2 AND right_id = ANY($3) AND verified_at IS NOT NULL
          AND status NOT IN ('denied', 'withdrawn', 'closed_unverified', 'redirected')
          AND received_at > $4::timestamptz - make_interval(months => $5)`,
      [organisationId, email, allowance, at, right.limit.perMonths],
    )) as { rightId: string; receivedAt: Date }[];
    return frequencyDecision(right, earlier, at);
  }

  /**
   * Over the policy's limit: the request is recorded (the law lets the business decline it, and the record shows it
   * was asked and declined) and denied at once through the workflow, its mail quoting the policy's limit.
   */
  private async denyOverLimit(
    tx: EntityManager,
    request: DataSubjectRequest,
    { context, right, receivedAt: at }: Submission,
    frequency: FrequencyDecision,
  ): Promise<void> {
    const { count, perMonths } = frequency.limit;
    const explanation = `${context.policy.name} answers this request ${count} times in ${perMonths} months, and that many have been confirmed from this address in that time. Its policy: "${right.limit!.citation.quote}"`;
    const result = deny(requestFacts(request, context), at, 'frequency_limit_exceeded', explanation);
    if (!result.ok) throw new Error(`A request over its frequency limit could not be denied: ${result.error.message}`);
    const change = acceptTransition(request, result);
    // As a staff denial records it: the explanation is a note the denial mail reads, and the chain names only the note.
    const note = await tx.save(
      tx.create(RequestNote, { requestId: request.id, kind: 'denial_explanation', authorId: null, text: explanation }),
    );
    const detail = { denialReason: 'frequency_limit_exceeded', noteId: note.id, counted: frequency.counted };
    await commitTransition(tx, request, context, { actor: SYSTEM_ACTOR, ...change, detail, at });
  }

  /** The agent and the consumer's signed permission; the agent is told the consumer must confirm. */
  private async recordAgent(
    tx: EntityManager,
    request: DataSubjectRequest,
    route: Extract<IntakeRoute, { kind: 'agent' }>,
  ): Promise<void> {
    await tx.insert(RequestAgent, {
      requestId: request.id,
      name: route.agent.agentName,
      email: route.agent.agentEmail,
      isBusiness: route.agent.agentIsBusiness === 'yes',
      registrationNumber: route.agent.agentRegistration || null,
      permissionFileName: route.permission.fileName,
      permissionContentType: route.permission.contentType,
      permissionSize: route.permission.size,
      permissionContent: route.permission.content,
    });
    await writeOutbox(tx, 'agent.receipt.send', { requestId: request.id }, 'initial');
  }

  /**
   * The organisation only processes this data for a controller: the request closes at once as redirected,
   * through the workflow's redirect, and its mail gives the requester whom to ask in writing (the page says it
   * too). No verification: nothing is disclosed or done here.
   */
  private async redirectAtOnce(
    tx: EntityManager,
    request: DataSubjectRequest,
    context: OrganisationContext,
    processor: ProcessorRedirect,
    at: Date,
  ): Promise<void> {
    const result = redirect(requestFacts(request, context), at, processor.controller);
    if (!result.ok) throw new Error(`A new request could not be redirected: ${result.error.message}`);
    const change = acceptTransition(request, result);
    // Policy wording only: which of its services, and the controller it names.
    const detail = { controller: processor.controller, services: processor.services };
    await commitTransition(tx, request, context, { actor: REQUESTER_ACTOR, ...change, detail, at });
  }

  /** The signal that came with the form; where honoured, an opt-out of sale/sharing for the submitter's address. */
  private async recordGpc(
    tx: EntityManager,
    { context, gpc, receivedAt: at }: Submission & { gpc: GpcDecision },
    request: DataSubjectRequest,
    requester: Requester,
    email: string,
  ): Promise<void> {
    let optOutId: string | null = null;
    if (gpc.outcome === 'honoured') {
      // The form's own request already is that opt-out; another one would say the same twice.
      if (request.type === 'opt_out_sale_share') optOutId = request.id;
      else {
        const right = findRight(context.policy, gpc.rightId);
        if (!right) throw new Error(`GPC right ${gpc.rightId} is not in ${context.policy.slug}'s policy`);
        const { request: optOut } = await this.optOuts.record(tx, {
          context,
          right,
          requester: { ...requester, details: '' },
          channel: 'gpc',
          source: 'gpc',
          address: email,
          at,
          confirmedBy: 'mail',
        });
        optOutId = optOut.id;
      }
    }
    await tx.insert(GpcSignal, {
      organisationId: context.organisation.id,
      receivedAt: at,
      outcome: gpc.outcome,
      reason: gpc.outcome === 'ignored' ? gpc.reason : null,
      context: 'form_submission',
      requestId: optOutId,
    });
  }
}

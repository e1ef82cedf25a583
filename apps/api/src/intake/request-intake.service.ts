import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { GpcSignal, type DataSubjectRequest, type OrganisationContext, type RequestChannel } from '#db';
import { findRight, type PolicyRight } from '#policy';
import { writeOutbox } from '#queue';
import { normaliseEmail, requiresVerification, type GpcDecision, type SuppressionSource } from '#workflow';
import { DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from '../suppression/opt-out.service.js';
import { insertRequest, withFreshReference, type Requester } from './new-request.js';
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

/**
 * Turns a valid submission into a stored request and what follows it, in one transaction: the verification
 * mail, or (opt-outs, which need no verification) the suppression and fulfilment. A Global Privacy Control signal
 * the organisation honours adds the submitter's opt-out of sale/sharing to the same transaction.
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
    gpc: GpcDecision | null,
    origin: IntakeOrigin = WEB_FORM,
  ): Promise<DataSubjectRequest> {
    return withFreshReference(() => this.dataSource.transaction((tx) => this.insert(tx, context, right, form, receivedAt, gpc, origin)));
  }

  private async insert(
    tx: EntityManager,
    context: OrganisationContext,
    right: PolicyRight,
    form: RequestFormDto,
    receivedAt: Date,
    gpc: GpcDecision | null,
    origin: IntakeOrigin,
  ): Promise<DataSubjectRequest> {
    const requester: Requester = { name: form.name, email: form.email, phone: form.phone || null, relationship: form.relationship, details: form.details ?? '' };
    const request = await insertRequest(tx, context, right, requester, origin.channel, receivedAt);
    // IsEmail already passed; the fallback only keeps an address our stricter shape check would refuse.
    const email = normaliseEmail(form.email) ?? form.email.trim().toLowerCase();
    if (requiresVerification(right.type)) await writeOutbox(tx, 'verification.send', { requestId: request.id }, 'initial');
    else await this.optOuts.fulfil(tx, request, { context, source: origin.suppressionSource, address: email, at: receivedAt, confirmedBy: 'mail' });
    // Last, so that what the channel keeps records the request as it is answered (an opt-out already fulfilled).
    await origin.recordWith?.(tx, request);
    if (gpc) await this.recordGpc(tx, context, request, requester, email, gpc, receivedAt);
    return request;
  }

  /** The signal that came with the form; where honoured, an opt-out of sale/sharing for the submitter's address. */
  private async recordGpc(
    tx: EntityManager,
    context: OrganisationContext,
    request: DataSubjectRequest,
    requester: Requester,
    email: string | null,
    gpc: GpcDecision,
    at: Date,
  ): Promise<void> {
    let optOutId: string | null = null;
    if (gpc.outcome === 'honoured' && email) {
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

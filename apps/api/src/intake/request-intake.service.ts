import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { appendAudit, DataSubjectRequest, newRequestReference, rescheduleRequest, type OrganisationContext, type RequestChannel } from '#db';
import type { PolicyRight } from '#policy';
import { internalTargetDaysFor } from '#policy';
import { writeOutbox } from '#queue';
import { computeDeadlines, initialStatus, requiresVerification } from '#workflow';
import { DATA_SOURCE } from '../infra/tokens.js';
import type { RequestFormDto } from './request-form.dto.js';

const REFERENCE_ATTEMPTS = 5;
const UNIQUE_VIOLATION = '23505';

/** Where a request came in, and what that channel keeps beside it, written in the same transaction. */
export interface IntakeOrigin {
  channel: RequestChannel;
  recordWith?: (tx: EntityManager, request: DataSubjectRequest) => Promise<void>;
}

const WEB_FORM: IntakeOrigin = { channel: 'web' };

/** Turns a valid submission into a stored request and its first job, in one transaction. */
@Injectable()
export class RequestIntakeService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async submit(
    context: OrganisationContext,
    right: PolicyRight,
    form: RequestFormDto,
    receivedAt: Date,
    origin: IntakeOrigin = WEB_FORM,
  ): Promise<DataSubjectRequest> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((tx) => this.insert(tx, context, right, form, receivedAt, origin));
      } catch (error) {
        const collided = (error as { code?: string }).code === UNIQUE_VIOLATION && /reference/.test(String(error));
        if (!collided || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  private async insert(
    tx: EntityManager,
    context: OrganisationContext,
    right: PolicyRight,
    form: RequestFormDto,
    receivedAt: Date,
    origin: IntakeOrigin,
  ): Promise<DataSubjectRequest> {
    const { organisation, policyVersion, policy, calendar } = context;
    const deadlines = computeDeadlines({
      regime: right.regime,
      requestType: right.type,
      receivedAt,
      timeZone: organisation.timeZone,
      calendar,
      internalTargetDays: internalTargetDaysFor(policy, right.id),
    });
    const needsVerification = requiresVerification(right.type);
    const request = await tx.save(
      tx.create(DataSubjectRequest, {
        reference: newRequestReference(),
        organisationId: organisation.id,
        policyVersionId: policyVersion.id,
        rightId: right.id,
        type: right.type,
        regime: right.regime,
        channel: origin.channel,
        status: initialStatus(right.type),
        requesterName: form.name,
        requesterEmail: form.email,
        requesterPhone: form.phone || null,
        relationship: form.relationship,
        details: form.details ?? '',
        receivedAt,
        clockStartedAt: receivedAt,
        acknowledgeBy: deadlines.acknowledgeBy,
        dueAt: deadlines.dueAt,
        verificationRequired: needsVerification ? right.verification : 'none',
      }),
    );
    await appendAudit(tx, {
      organisationId: organisation.id,
      requestId: request.id,
      actorLabel: 'requester',
      action: 'request.received',
      detail: { channel: origin.channel, rightId: right.id, dueAt: request.dueAt },
      at: receivedAt,
    });
    await origin.recordWith?.(tx, request);
    await rescheduleRequest(tx, request, context, receivedAt);
    // Opt-outs need no verification: the requester still gets a receipt with the private status link.
    if (needsVerification) await writeOutbox(tx, 'verification.send', { requestId: request.id }, 'initial');
    else await writeOutbox(tx, 'receipt.send', { requestId: request.id }, 'initial');
    return request;
  }
}

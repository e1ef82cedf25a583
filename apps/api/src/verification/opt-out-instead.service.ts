import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import {
  appendAudit,
  AuditEntry,
  type DataSubjectRequest,
  lockRequest,
  OrganisationDirectory,
  redeemableToken,
  REQUESTER_ACTOR,
  type TokenRefusal,
} from '#db';
import type { OrganisationPolicy, PolicyRight } from '#policy';
import { addressKey, optOutOffered } from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { ActionRefused } from '../requests/action-refused.js';
import { OptOutService } from '../suppression/opt-out.service.js';

/** The timeline action on a denied deletion whose requester took the opt-out it offered. */
export const OPT_OUT_TAKEN = 'request.opt_out_taken';

/** The sale/share right a request's status page offers instead of a denied deletion, if any. */
export function offeredOptOut(request: DataSubjectRequest, policy: OrganisationPolicy): PolicyRight | undefined {
  return optOutOffered({ ...request, requestType: request.type }, policy.rights);
}

/**
 * The requester takes the sale/share opt-out their denied deletion offered: a new opt-out request, fulfilled at
 * once as any opt-out is (suppression, systems told, confirmation mail), and an entry on the denied request's
 * timeline naming it. Taking it twice makes one.
 */
@Injectable()
export class OptOutInsteadService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly optOuts: OptOutService,
  ) {}

  take(token: string, now: Date): Promise<{ ok: true } | { ok: false; refusal: TokenRefusal }> {
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'status', now);
      if (!found.ok) return found;
      const request = await lockRequest(tx, { id: found.token.requestId });
      if (!request || request.purgedAt) return { ok: false, refusal: 'unknown' };
      const context = await this.directory.forRequest(request);
      const right = offeredOptOut(request, context.policy);
      if (!right) throw ActionRefused.conflict('This request offers no opt-out.');
      if (await tx.existsBy(AuditEntry, { requestId: request.id, action: OPT_OUT_TAKEN })) return { ok: true };
      const email = addressKey(request.requesterEmail);
      const { request: optOut } = await this.optOuts.record(tx, {
        context,
        right,
        requester: {
          name: request.requesterName,
          email: request.requesterEmail,
          phone: request.requesterPhone,
          relationship: 'self',
          details: '',
          language: request.language,
        },
        channel: 'web',
        source: 'form',
        address: email,
        at: now,
        confirmedBy: 'mail',
      });
      await appendAudit(tx, {
        organisationId: request.organisationId,
        requestId: request.id,
        actorLabel: REQUESTER_ACTOR.label,
        action: OPT_OUT_TAKEN,
        detail: { optOutRequestId: optOut.id, reference: optOut.reference },
        at: now,
      });
      return { ok: true };
    });
  }
}

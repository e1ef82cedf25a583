import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';

import {
  acceptTransition,
  commitTransition,
  type DataSubjectRequest,
  insertRequest,
  lockKeys,
  lockUntilCommit,
  type OrganisationContext,
  planFulfilment,
  type RequestChannel,
  type Requester,
  requestFacts,
  Suppression,
  SuppressionChange,
  SYSTEM_ACTOR,
} from '#db';
import type { PolicyRight } from '#policy';
import { honourOptOut, type SuppressionChannel, suppressionChannelFor, type SuppressionSource } from '#workflow';

export interface OptOutInput {
  context: OrganisationContext;
  right: PolicyRight;
  requester: Requester;
  channel: RequestChannel;
  source: SuppressionSource;
  /** The normalised email or E.164 number the suppression is for. */
  address: string;
  at: Date;
  /** mail: the confirmation goes out through the outbox; sms_reply: the caller answers the text itself. */
  confirmedBy: 'mail' | 'sms_reply';
}

/**
 * The one way an opt-out is recorded: its request is fulfilled in the transaction that writes its suppression
 * (or finds the one already in force), with the timeline entries the workflow gives and the confirmation mail.
 * Every suppression change also goes on the organisation's change feed.
 */
@Injectable()
export class OptOutService {
  /** The suppression in force for this address, if any. */
  active(
    tx: EntityManager,
    organisationId: string,
    channel: SuppressionChannel,
    address: string,
  ): Promise<Suppression | null> {
    return tx.findOneBy(Suppression, { organisationId, channel, address, endedAt: IsNull() });
  }

  /**
   * Serialises suppression writes per organisation: seq order is then commit order, so the change feed's
   * cursor never skips a late-committing row, and two opt-outs for one address cannot both insert.
   */
  async lock(tx: EntityManager, organisationId: string): Promise<void> {
    await lockUntilCommit(tx, lockKeys.suppressions(organisationId));
  }

  /** A new opt-out request, fulfilled at once with its suppression. */
  async record(
    tx: EntityManager,
    input: OptOutInput,
  ): Promise<{ request: DataSubjectRequest; suppression: Suppression }> {
    const request = await insertRequest(tx, input.context, {
      right: input.right,
      requester: input.requester,
      channel: input.channel,
      receivedAt: input.at,
    });
    const suppression = await this.fulfil(tx, request, input);
    return { request, suppression };
  }

  /** Fulfils a stored opt-out request: its suppression (new, or the one in force), the transition, its mail. */
  async fulfil(
    tx: EntityManager,
    request: DataSubjectRequest,
    input: Pick<OptOutInput, 'context' | 'source' | 'address' | 'at' | 'confirmedBy'>,
  ): Promise<Suppression> {
    const channel = suppressionChannelFor(request.type);
    if (!channel) throw new Error(`request ${request.id} (${request.type}) is not an opt-out`);
    await this.lock(tx, request.organisationId);
    const suppression =
      (await this.active(tx, request.organisationId, channel, input.address)) ??
      (await this.suppress(tx, request, { channel, address: input.address, source: input.source, at: input.at }));

    const result = honourOptOut(requestFacts(request, input.context), input.at, input.confirmedBy);
    if (!result.ok) throw new Error(`opt-out ${request.id} refused: ${result.error.message}`);
    const change = acceptTransition(request, result);
    // A texter's confirmation is the reply to their text, sent with this answer: that is the acknowledgement.
    if (input.confirmedBy === 'sms_reply') request.acknowledgedAt ??= input.at;
    await commitTransition(tx, request, input.context, {
      actor: SYSTEM_ACTOR,
      ...change,
      // Ids and codes only: the address stays in the suppression row, out of the audit log.
      detail: { suppressionId: suppression.id, channel, source: input.source },
      at: input.at,
    });
    // The suppression list answers the organisation's other systems; those that hold a sale/share flag are also told.
    if (channel === 'sale_share') await planFulfilment(tx, request, 'opt_out', { actor: SYSTEM_ACTOR, at: input.at });
    return suppression;
  }

  /** Ends the suppression in force (SMS START/UNSTOP); false when there was none. */
  async resubscribe(
    tx: EntityManager,
    organisationId: string,
    channel: SuppressionChannel,
    address: string,
    at: Date,
  ): Promise<boolean> {
    await this.lock(tx, organisationId);
    const suppression = await this.active(tx, organisationId, channel, address);
    if (!suppression) return false;
    suppression.endedAt = at;
    await tx.save(suppression);
    await tx.insert(SuppressionChange, {
      organisationId,
      suppressionId: suppression.id,
      kind: 'resubscribed',
      channel,
      address,
      source: 'sms_start',
      at,
    });
    return true;
  }

  private async suppress(
    tx: EntityManager,
    request: DataSubjectRequest,
    {
      channel,
      address,
      source,
      at,
    }: { channel: SuppressionChannel; address: string; source: SuppressionSource; at: Date },
  ): Promise<Suppression> {
    const { organisationId, id: requestId } = request;
    const suppression = await tx.save(
      tx.create(Suppression, { organisationId, channel, address, source, requestId, suppressedAt: at, endedAt: null }),
    );
    await tx.insert(SuppressionChange, {
      organisationId,
      suppressionId: suppression.id,
      kind: 'suppressed',
      channel,
      address,
      source,
      at,
    });
    return suppression;
  }
}

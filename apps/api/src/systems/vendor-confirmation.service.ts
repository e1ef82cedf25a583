import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import { Env } from '#config';
import {
  appendAudit,
  DataMapVersion,
  DataSubjectRequest,
  FulfilmentTask,
  OrganisationDirectory,
  recordSystemOutcome,
} from '#db';
import { confirmationTokenHash, taskOfConfirmationToken } from '#systems';
import { isSettled } from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';

/** What a confirmation link is about, as its page says it: who asked whom for what. */
export interface VendorAsk {
  organisationName: string;
  vendorName: string;
  reference: string;
  purpose: 'access' | 'erasure';
}

/** A link that confirms nothing: never ours (404), or ours and spent, by the provider or by staff closing the task (410). */
export type VendorLinkRefusal = { refusal: 'unknown' | 'confirmed' | 'closed'; organisationName?: string };

export type VendorLink = ({ ok: true } & VendorAsk) | ({ ok: false } & VendorLinkRefusal);

/** Longer is no token of ours: not hashed, not looked up. */
const MAX_TOKEN_LENGTH = 100;

/**
 * A service provider's single-use confirmation link. The task is found by the hash of the token; confirming records
 * the task done (which clears the hash: the link is spent) and a timeline entry, under the task's lock, so two presses
 * confirm once. The link confirms while the task is unsettled: a provider may press it before the worker that mailed
 * it has recorded the task as awaiting them, and that worker then leaves the confirmation as it is.
 */
@Injectable()
export class VendorConfirmationService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly env: Env,
  ) {}

  /** What the link asks, for its page; opening it changes nothing. */
  async check(token: string): Promise<VendorLink> {
    const task =
      token.length <= MAX_TOKEN_LENGTH
        ? await this.dataSource
            .getRepository(FulfilmentTask)
            .findOneBy({ confirmationTokenHash: confirmationTokenHash(token) })
        : null;
    if (!task || isSettled(task.state)) return this.refusal(token);
    return { ok: true, ...(await this.describe(this.dataSource.manager, task)) };
  }

  async confirm(token: string, now: Date): Promise<VendorLink> {
    if (token.length > MAX_TOKEN_LENGTH) return this.refusal(token);
    const confirmed = await this.dataSource.transaction(async (tx) => {
      const task = await tx
        .createQueryBuilder(FulfilmentTask, 't')
        .where('t.confirmation_token_hash = :hash', { hash: confirmationTokenHash(token) })
        .setLock('pessimistic_write')
        .getOne();
      if (!task || isSettled(task.state)) return null;
      const ask = await this.describe(tx, task);
      await appendAudit(tx, {
        organisationId: task.organisationId,
        requestId: task.requestId,
        actorLabel: 'service provider',
        action: 'fulfilment.vendor_confirmed',
        detail: { systemId: task.systemId, purpose: task.purpose },
        at: now,
      });
      await recordSystemOutcome(tx, task, { state: 'done', counts: {} }, now);
      return ask;
    });
    return confirmed ? { ok: true, ...confirmed } : this.refusal(token);
  }

  /** Why a link opens nothing: a token of ours names its task even once spent, so it gets the page that says so. */
  private async refusal(token: string): Promise<VendorLink> {
    const taskId = taskOfConfirmationToken(token, this.env.APP_SECRET);
    const task = taskId ? await this.dataSource.getRepository(FulfilmentTask).findOneBy({ id: taskId }) : null;
    if (!task || !isSettled(task.state)) return { ok: false, refusal: 'unknown' };
    const { organisationName } = await this.describe(this.dataSource.manager, task);
    return { ok: false, refusal: task.state === 'done' ? 'confirmed' : 'closed', organisationName };
  }

  private async describe(manager: EntityManager, task: FulfilmentTask): Promise<VendorAsk> {
    const request = await manager.findOneByOrFail(DataSubjectRequest, { id: task.requestId });
    const version = await manager.findOneByOrFail(DataMapVersion, { id: task.dataMapVersionId });
    const context = await this.directory.forRequest(request);
    return {
      organisationName: context.policy.name,
      vendorName: version.document.systems.find((s) => s.id === task.systemId)?.name ?? task.systemId,
      reference: request.reference,
      purpose: task.purpose === 'erasure' ? 'erasure' : 'access',
    };
  }
}

import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import {
  type ChangeActor,
  commitTransition,
  IdentityDocument,
  lockRequest,
  OrganisationDirectory,
  RequestNote,
  VerificationDataPoint,
} from '#db';
import type { VerificationLevel } from '#policy';
import { isOpen, overrideLevels, staffDecideIdentity } from '#workflow';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import { ActionRefused } from '../../requests/action-refused.js';
import { MAX_TEXT_LENGTH } from '../../requests/request-actions.service.js';

/**
 * Staff deciding the degree of identity verification themselves (a call back on a number the records hold, a
 * document seen in person), with the reason in a note the timeline entry names. The match job, if still pending,
 * then leaves the request as staff set it, and the data points given are deleted: they were asked for the match.
 * Where the right asks for an identity document, staff record what the document they looked at showed: the
 * document degree only once one has arrived, and deciding starts the time until it is deleted.
 */
@Injectable()
export class IdentityOverrideService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  override(
    organisationId: string,
    requestId: string,
    input: { actor: ChangeActor; level: string; reason: string },
    now: Date,
  ): Promise<void> {
    const reason = input.reason.trim().slice(0, MAX_TEXT_LENGTH);
    if (!reason) throw ActionRefused.badInput('Say how the requester’s identity was verified.');
    return this.dataSource.transaction(async (tx) => {
      const request = isUuid(requestId) ? await lockRequest(tx, { id: requestId, organisationId }) : null;
      if (!request) throw new NotFoundException('There is no such request here.');
      if (!isOpen(request.status) || request.purgedAt)
        throw ActionRefused.conflict('The request is closed: its verification can no longer be changed.');
      if (!staffDecideIdentity(request.verificationRequired))
        throw ActionRefused.conflict('This request needs no more than the email address: there is nothing to decide.');
      const level = overrideLevels(request.verificationRequired).find((l) => l === input.level);
      if (!level) throw ActionRefused.badInput('Choose the degree of verification reached.');
      if (request.status === 'unverified')
        throw ActionRefused.conflict('The requester has not confirmed their email address yet.');
      const document = await tx.findOneBy(IdentityDocument, { requestId: request.id });
      if (level === 'documents' && !document)
        throw ActionRefused.conflict('No identity document has arrived yet: there is nothing to have checked.');
      if (document && !document.decidedAt) await tx.update(IdentityDocument, { id: document.id }, { decidedAt: now });
      const previous: VerificationLevel = request.verificationReached;
      request.verificationReached = level;
      request.identityCheck = 'overridden';
      await tx.delete(VerificationDataPoint, { requestId: request.id });
      const note = await tx.save(
        tx.create(RequestNote, {
          requestId: request.id,
          kind: 'identity_override',
          authorId: input.actor.id,
          text: reason,
        }),
      );
      await commitTransition(tx, request, await this.directory.forRequest(request), {
        actor: input.actor,
        action: 'verification.overridden',
        detail: { from: previous, to: level, noteId: note.id },
        mails: [],
        at: now,
      });
    });
  }
}

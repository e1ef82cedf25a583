import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import {
  acceptTransition,
  commitTransition,
  IdentityDocument,
  lockRequest,
  OrganisationDirectory,
  redeemableToken,
  REQUESTER_ACTOR,
  requestFacts,
  type TokenRefusal,
} from '#db';
import { identityDocumentReceived } from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { ActionRefused } from '../requests/action-refused.js';

/** A checked upload: one PDF, PNG or JPEG file typed by its bytes. */
export interface IdentityDocumentUpload {
  contentType: string;
  size: number;
  content: Buffer;
}

/**
 * The identity document a requester uploads from their status page, where the right asks for one. One per request:
 * a new upload replaces one staff have not decided on yet. Its arrival starts the GDPR month (the workflow says
 * when); the timeline records its type and size only.
 */
@Injectable()
export class IdentityDocumentUploadService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  receive(
    token: string,
    upload: IdentityDocumentUpload,
    now: Date,
  ): Promise<{ ok: true } | { ok: false; refusal: TokenRefusal }> {
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'status', now);
      if (!found.ok) return found;
      const request = await lockRequest(tx, { id: found.token.requestId });
      if (!request) throw new Error(`The request of token ${found.token.id} is gone`);
      const context = await this.directory.forRequest(request);
      const result = identityDocumentReceived(requestFacts(request, context), now);
      if (!result.ok) throw ActionRefused.conflict(result.error.message);
      const existing = await tx.findOneBy(IdentityDocument, { requestId: request.id });
      // Once staff have decided, a document (or none, once deleted) has done its work: no other is taken.
      if (existing?.decidedAt || request.verificationReached === 'documents')
        throw ActionRefused.conflict('The privacy team has already checked your identity document.');
      const fields = { ...upload, receivedAt: now };
      if (existing) await tx.update(IdentityDocument, { id: existing.id }, fields);
      else
        await tx.insert(IdentityDocument, { organisationId: request.organisationId, requestId: request.id, ...fields });
      const change = acceptTransition(request, result);
      await commitTransition(tx, request, context, {
        actor: REQUESTER_ACTOR,
        ...change,
        detail: {
          contentType: upload.contentType,
          size: upload.size,
          replaced: existing !== null,
          clockStartedAt: request.clockStartedAt,
          dueAt: request.dueAt,
        },
        at: now,
      });
      return { ok: true };
    });
  }
}

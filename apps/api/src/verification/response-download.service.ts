import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { appendAudit, DataSubjectRequest, redeemableToken, ResponseFile, type TokenRefusal } from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';

export type DownloadOutcome =
  { ok: true; file: ResponseFile } | { ok: false; refusal: TokenRefusal | 'no_such_file' | 'no_longer_available' };

/** A response file fetched through the requester's status link, while the response is available; each download is logged. */
@Injectable()
export class ResponseDownloadService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  download(token: string, fileId: string, now: Date): Promise<DownloadOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const found = await redeemableToken(tx, token, 'status', now);
      if (!found.ok) return found;
      const requestId = found.token.requestId;
      const file = isUuid(fileId)
        ? await tx
            .createQueryBuilder(ResponseFile, 'f')
            .addSelect('f.content')
            .where('f.id = :fileId AND f.request_id = :requestId', { fileId, requestId })
            .getOne()
        : null;
      if (!file) return { ok: false, refusal: 'no_such_file' };
      const request = await tx.findOneByOrFail(DataSubjectRequest, { id: requestId });
      if (!request.responseAvailableUntil || request.responseAvailableUntil <= now)
        return { ok: false, refusal: 'no_longer_available' };
      await appendAudit(tx, {
        organisationId: request.organisationId,
        requestId,
        actorLabel: 'requester',
        action: 'response.downloaded',
        detail: { fileId: file.id },
        at: now,
      });
      return { ok: true, file };
    });
  }
}

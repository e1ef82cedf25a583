import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { appendAudit, DataSubjectRequest, IdentityDocument } from '#db';
import { formatLocalDateTime } from '#mail';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import type { StaffMemberActor } from '../auth/staff-route.decorator.js';
import { UnreadableDocument, watermarkedPdf } from './identity-document-pdf.js';

/**
 * Staff looking at a requester's identity document: a PDF stamped with the request, the viewer and the time, and
 * each view on the timeline (who, never what the document shows).
 */
@Injectable()
export class IdentityDocumentViewService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  view(
    organisation: { id: string; timeZone: string },
    requestId: string,
    actor: StaffMemberActor,
    now: Date,
  ): Promise<{ reference: string; pdf: Uint8Array }> {
    return this.dataSource.transaction(async (tx) => {
      const request = isUuid(requestId)
        ? await tx.findOneBy(DataSubjectRequest, { id: requestId, organisationId: organisation.id })
        : null;
      const document = request
        ? await tx
            .createQueryBuilder(IdentityDocument, 'd')
            .addSelect('d.content')
            .where('d.request_id = :id AND d.organisation_id = :org', { id: request.id, org: organisation.id })
            .getOne()
        : null;
      if (!request || !document) throw new NotFoundException('There is no identity document for this request.');
      const viewed = formatLocalDateTime(now, organisation.timeZone);
      const pdf = await watermarkedPdf(
        document,
        `Identity check for request ${request.reference} only — viewed by ${actor.label} ${viewed}`,
      ).catch((error: unknown) => {
        if (!(error instanceof UnreadableDocument)) throw error;
        throw new UnprocessableEntityException(
          'This document does not open (it is damaged or cut off), so it cannot be shown: ask the requester for another.',
        );
      });
      await appendAudit(tx, {
        organisationId: organisation.id,
        requestId: request.id,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'identity_document.viewed',
        detail: { documentId: document.id },
        at: now,
      });
      return { reference: request.reference, pdf };
    });
  }
}

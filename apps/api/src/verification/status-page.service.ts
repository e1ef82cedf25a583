import { Inject, Injectable } from '@nestjs/common';
import { type DataSource, MoreThan } from 'typeorm';

import {
  AuditEntry,
  DataSubjectRequest,
  IdentityDocument,
  type OrganisationContext,
  OrganisationDirectory,
  redeemableToken,
  RequestNote,
  ResponseFile,
  type TokenRefusal,
} from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';
import { OPT_OUT_TAKEN } from './opt-out-instead.service.js';

export type OpenedStatusLink =
  { ok: true; request: DataSubjectRequest; context: OrganisationContext } | { ok: false; refusal: TokenRefusal };

/** What the requester's status link shows: the request it is for, the questions put to them, the response's files. */
@Injectable()
export class StatusPageService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  /** The request a status link is for, or why the link opens nothing. */
  async open(token: string, now: Date): Promise<OpenedStatusLink> {
    const found = await this.dataSource.transaction((tx) => redeemableToken(tx, token, 'status', now));
    if (!found.ok) return found;
    const request = await this.dataSource
      .getRepository(DataSubjectRequest)
      .findOneByOrFail({ id: found.token.requestId });
    return { ok: true, request, context: await this.directory.forRequest(request) };
  }

  files(requestId: string): Promise<ResponseFile[]> {
    return this.dataSource
      .getRepository(ResponseFile)
      .find({ where: { requestId }, order: { createdAt: 'ASC', fileName: 'ASC' } });
  }

  /** When the request's identity document arrived, if one has (never its content). */
  async identityDocumentReceivedAt(requestId: string): Promise<Date | null> {
    const document = await this.dataSource.getRepository(IdentityDocument).findOneBy({ requestId });
    return document?.receivedAt ?? null;
  }

  /** Whether the opt-out a denied deletion offered was taken. */
  optOutTaken(requestId: string): Promise<boolean> {
    return this.dataSource.getRepository(AuditEntry).existsBy({ requestId, action: OPT_OUT_TAKEN });
  }

  /** The questions asked since the requester last answered. */
  async openQuestions(requestId: string): Promise<string[]> {
    const notes = this.dataSource.getRepository(RequestNote);
    const lastReply = await notes.findOne({
      where: { requestId, kind: 'requester_reply' },
      order: { createdAt: 'DESC' },
    });
    const questions = await notes.find({
      where: { requestId, kind: 'question', ...(lastReply ? { createdAt: MoreThan(lastReply.createdAt) } : {}) },
      order: { createdAt: 'ASC' },
    });
    return questions.map((q) => q.text);
  }
}

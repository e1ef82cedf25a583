import { Controller, Get, Inject, Param, Post, Query, Redirect, Res, UseGuards } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import type { Response } from 'express';

import type { Clock } from '#config';
import { requestFacts, type TokenRefusal } from '#db';
import { formatLocalDate, requestLabelIn, storedLanguage, translator } from '#mail';
import type { Language } from '#policy';
import { daysLeft, isOpen, withdraw } from '#workflow';

import { CsrfGuard } from '../infra/csrf.guard.js';
import { Csrf } from '../infra/csrf.js';
import { Page, type PageContext, RefusedPage, seeOther } from '../infra/page.decorator.js';
import { anyPageLanguage } from '../infra/page-language.js';
import { asText, PostedForm } from '../infra/posted-form.decorator.js';
import { CLOCK } from '../infra/tokens.js';
import { MAX_PERMISSION_FILE_BYTES } from '../intake/permission-file.js';
import { ActionRefused } from '../requests/action-refused.js';
import { MAX_TEXT_LENGTH, RequestActionsService } from '../requests/request-actions.service.js';
import {
  downloadRefusedPage,
  linkRefusedPage,
  statusPage,
  type StatusView,
  withdrawConfirmPage,
} from '../views/request-pages.view.js';
import { documentProblemMessage } from './identity-document-problem.js';
import { offeredOptOut } from './opt-out-instead.service.js';
import { ResponseDownloadService } from './response-download.service.js';
import { StatusPageService } from './status-page.service.js';

/** The requester's answer to the questions put to them. */
export class ReplyForm {
  @Transform(asText) @IsString() text = '';
}

type StatusModel = Omit<StatusView, 'reply' | 'optOut' | 'identityDocument'> & {
  reply?: Omit<NonNullable<StatusView['reply']>, 'csrfToken'>;
  optOut?: Omit<NonNullable<StatusView['optOut']>, 'csrfToken'>;
  identityDocument?: Omit<NonNullable<StatusView['identityDocument']>, 'csrfToken'>;
};
/** An unknown or spent link: the page says so, and shows nothing of any request. */
type LinkRefused = { refusal: TokenRefusal };

export function statusView(model: StatusModel | LinkRefused, context: PageContext): string {
  if ('refusal' in model) return linkRefusedPage(model.refusal, undefined, anyPageLanguage(context.request));
  return statusPage({
    ...model,
    reply: model.reply && { ...model.reply, csrfToken: context.csrfToken() },
    optOut: model.optOut && { ...model.optOut, csrfToken: context.csrfToken() },
    identityDocument: model.identityDocument && { ...model.identityDocument, csrfToken: context.csrfToken() },
  });
}

export const linkRefused = (refusal: TokenRefusal) =>
  new RefusedPage<LinkRefused>(refusal === 'unknown' ? 404 : 410, { refusal });
export const statusPath = (token: string) => `/s/${encodeURIComponent(token)}`;

/** The requester's private status link: state and due date, the questions put to them, and the response's files. */
@Controller('s')
export class StatusController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly status: StatusPageService,
    private readonly actions: RequestActionsService,
    private readonly downloads: ResponseDownloadService,
    private readonly csrf: Csrf,
  ) {}

  /** `document` names what was wrong with an identity document just uploaded (the upload redirects here). */
  @Get(':token')
  @Page(statusView)
  show(@Param('token') token: string, @Query('document') documentProblem?: string): Promise<StatusModel> {
    return this.model(token, undefined, documentProblem);
  }

  /** The answer to a question: a note the staff see, and (GDPR) the clock runs again. */
  @Post(':token/reply')
  @UseGuards(CsrfGuard)
  @Page(statusView)
  @Redirect()
  async reply(@Param('token') token: string, @PostedForm(ReplyForm) form: ReplyForm) {
    await this.refusedOnThePage(token, form.text, () =>
      this.actions.requesterReply(token, form.text, this.clock.now()),
    );
    return seeOther(statusPath(token));
  }

  /** The confirmation step: a GET only shows the question, so a link opened by mistake or by a scanner withdraws nothing. */
  @Get(':token/withdraw')
  async confirmWithdrawal(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const now = this.clock.now();
    const opened = await this.status.open(token, now);
    if (!opened.ok) {
      res
        .status(opened.refusal === 'unknown' ? 404 : 410)
        .type('html')
        .send(linkRefusedPage(opened.refusal, undefined, anyPageLanguage(res.req)));
      return;
    }
    const { request, context } = opened;
    const language = storedLanguage(request.language);
    // Nothing left to withdraw (closed, or a mail not yet read): the status page says where the request stands.
    if (!withdraw(requestFacts(request, context), now, 'status_page').ok) {
      res.redirect(303, statusPath(token));
      return;
    }
    res.type('html').send(
      withdrawConfirmPage({
        organisationName: context.policy.name,
        reference: request.reference,
        requestLabel: requestLabelIn(language, request, context.policy),
        statusUrl: statusPath(token),
        csrfToken: this.csrf.tokenFor(res.req, res),
        language,
      }),
    );
  }

  @Post(':token/withdraw')
  @UseGuards(CsrfGuard)
  @Page(statusView)
  @Redirect()
  async withdraw(@Param('token') token: string) {
    await this.refusedOnThePage(token, '', () => this.actions.requesterWithdraw(token, this.clock.now()));
    return seeOther(statusPath(token));
  }

  @Get(':token/files/:fileId')
  async download(@Param('token') token: string, @Param('fileId') fileId: string, @Res() res: Response): Promise<void> {
    const outcome = await this.downloads.download(token, fileId, this.clock.now());
    if (!outcome.ok) {
      if (outcome.refusal === 'no_such_file' || outcome.refusal === 'no_longer_available') {
        res
          .status(outcome.refusal === 'no_such_file' ? 404 : 410)
          .type('html')
          .send(downloadRefusedPage(outcome.refusal, anyPageLanguage(res.req)));
      } else {
        res
          .status(outcome.refusal === 'unknown' ? 404 : 410)
          .type('html')
          .send(linkRefusedPage(outcome.refusal, undefined, anyPageLanguage(res.req)));
      }
      return;
    }
    const { file } = outcome;
    // Served as the stored type but never rendered in place: a download, not sniffed, not cached.
    res.attachment(file.fileName);
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    // Set directly: Express would append a charset to text types, and the stored type is what was uploaded.
    res.setHeader('Content-Type', file.contentType);
    res.send(file.content);
  }

  /** A spent link says so; a refused reply or withdrawal shows the status page again, with why and what was typed. */
  private async refusedOnThePage(
    token: string,
    text: string,
    act: () => Promise<{ ok: true } | { ok: false; refusal: TokenRefusal }>,
  ): Promise<void> {
    let outcome;
    try {
      outcome = await act();
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      throw new RefusedPage(error.getStatus(), await this.model(token, { message: error.message, text }));
    }
    if (!outcome.ok) throw linkRefused(outcome.refusal);
  }

  private async model(
    token: string,
    failedReply?: { message: string; text: string },
    documentProblem?: string,
  ): Promise<StatusModel> {
    const now = this.clock.now();
    const opened = await this.status.open(token, now);
    if (!opened.ok) throw linkRefused(opened.refusal);
    const { request, context } = opened;
    const timeZone = context.organisation.timeZone;
    const language = storedLanguage(request.language);
    const files = await this.status.files(request.id);
    const base = statusPath(token);
    return {
      organisationName: context.policy.name,
      reference: request.reference,
      requestLabel: requestLabelIn(language, request, context.policy),
      status: request.status,
      receivedOn: formatLocalDate(request.receivedAt, timeZone, language),
      dueOn: formatLocalDate(request.dueAt, timeZone, language),
      internalTarget: request.regime === 'none',
      daysLeft: daysLeft(request.dueAt, now, timeZone),
      open: isOpen(request.status),
      closedOn: request.closedAt ? formatLocalDate(request.closedAt, timeZone, language) : undefined,
      withdrawUrl: withdraw(requestFacts(request, context), now, 'status_page').ok ? `${base}/withdraw` : undefined,
      optOut: offeredOptOut(request, context.policy)
        ? { action: `${base}/opt-out`, taken: await this.status.optOutTaken(request.id) }
        : undefined,
      paused: request.pausedAt !== null,
      reply:
        request.status === 'awaiting_requester'
          ? {
              questions: await this.status.openQuestions(request.id),
              action: `${base}/reply`,
              maxLength: MAX_TEXT_LENGTH,
              text: failedReply?.text,
            }
          : undefined,
      identityDocument:
        request.verificationRequired === 'documents' &&
        request.verificationReached !== 'documents' &&
        isOpen(request.status) &&
        request.verifiedAt !== null
          ? await this.identityDocument(request.id, base, timeZone, language)
          : undefined,
      error: failedReply?.message ?? documentProblemMessage(documentProblem, translator(language)),
      files:
        files.length > 0 && request.responseAvailableUntil
          ? {
              items: files.map((f) => ({ name: f.fileName, size: f.size, url: `${base}/files/${f.id}` })),
              until: formatLocalDate(request.responseAvailableUntil, timeZone, language),
              available: request.responseAvailableUntil > now,
            }
          : undefined,
      language,
    };
  }

  /** The upload form of a request that asks for an identity document, or when the document arrived. */
  private async identityDocument(
    requestId: string,
    base: string,
    timeZone: string,
    language: Language,
  ): Promise<StatusModel['identityDocument']> {
    const receivedAt = await this.status.identityDocumentReceivedAt(requestId);
    return {
      action: `${base}/identity-document`,
      maxMb: MAX_PERMISSION_FILE_BYTES / (1024 * 1024),
      ...(receivedAt ? { receivedOn: formatLocalDate(receivedAt, timeZone, language) } : {}),
    };
  }
}

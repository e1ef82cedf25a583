import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MoreThan, type DataSource } from 'typeorm';
import type { Clock } from '#config';
import { DataSubjectRequest, OrganisationDirectory, redeemableToken, RequestNote, requestFacts, requestLabel, ResponseFile } from '#db';
import { formatLocalDate } from '#mail';
import { daysLeft, isOpen, withdraw } from '#workflow';
import { CLOCK, DATA_SOURCE } from '../infra/tokens.js';
import { Csrf } from '../infra/csrf.js';
import { ActionRefused } from '../requests/action-refused.js';
import { MAX_TEXT_LENGTH, RequestActionsService } from '../requests/request-actions.service.js';
import { downloadRefusedPage, linkRefusedPage, statusPage, withdrawConfirmPage } from '../views/request-pages.view.js';
import { ResponseDownloadService } from './response-download.service.js';

/** The requester's private status link: state and due date, the questions put to them, and the response's files. */
@Controller('s')
export class StatusController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly actions: RequestActionsService,
    private readonly downloads: ResponseDownloadService,
    private readonly csrf: Csrf,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(token, req, res);
  }

  /** The answer to a question: a note the staff see, and (GDPR) the clock runs again. */
  @Post(':token/reply')
  async reply(@Param('token') token: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const text = typeof body.text === 'string' ? body.text : '';
    try {
      const outcome = await this.actions.requesterReply(token, text, this.clock.now());
      if (!outcome.ok) {
        res.status(outcome.refusal === 'unknown' ? 404 : 410).type('html').send(linkRefusedPage(outcome.refusal));
        return;
      }
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      await this.render(token, req, res, { status: error.getStatus(), message: error.message, text });
      return;
    }
    res.redirect(303, `/s/${encodeURIComponent(token)}`);
  }

  /** The confirmation step: a GET only shows the question, so a link opened by mistake or by a scanner withdraws nothing. */
  @Get(':token/withdraw')
  async confirmWithdrawal(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const now = this.clock.now();
    const opened = await this.open(token, now, res);
    if (!opened) return;
    const { request, context } = opened;
    const statusUrl = `/s/${encodeURIComponent(token)}`;
    // Nothing left to withdraw (closed, or a mail not yet read): the status page says where the request stands.
    if (!withdraw(requestFacts(request, context), now, 'status_page').ok) {
      res.redirect(303, statusUrl);
      return;
    }
    res.type('html').send(
      withdrawConfirmPage({
        organisationName: context.policy.name,
        reference: request.reference,
        requestLabel: requestLabel(request, context.policy),
        statusUrl,
        csrfToken: this.csrf.tokenFor(req, res),
      }),
    );
  }

  @Post(':token/withdraw')
  async withdraw(@Param('token') token: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    try {
      const outcome = await this.actions.requesterWithdraw(token, this.clock.now());
      if (!outcome.ok) {
        res.status(outcome.refusal === 'unknown' ? 404 : 410).type('html').send(linkRefusedPage(outcome.refusal));
        return;
      }
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      await this.render(token, req, res, { status: error.getStatus(), message: error.message, text: '' });
      return;
    }
    res.redirect(303, `/s/${encodeURIComponent(token)}`);
  }

  @Get(':token/files/:fileId')
  async download(@Param('token') token: string, @Param('fileId') fileId: string, @Res() res: Response): Promise<void> {
    const outcome = await this.downloads.download(token, fileId, this.clock.now());
    if (!outcome.ok) {
      if (outcome.refusal === 'no_such_file' || outcome.refusal === 'no_longer_available') {
        res.status(outcome.refusal === 'no_such_file' ? 404 : 410).type('html').send(downloadRefusedPage(outcome.refusal));
      } else {
        res.status(outcome.refusal === 'unknown' ? 404 : 410).type('html').send(linkRefusedPage(outcome.refusal));
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

  /** The request a status link is for, or, for an unknown or spent link, the page saying so (and nothing). */
  private async open(token: string, now: Date, res: Response) {
    const found = await this.dataSource.transaction((tx) => redeemableToken(tx, token, 'status', now));
    if (!found.ok) {
      res.status(found.refusal === 'unknown' ? 404 : 410).type('html').send(linkRefusedPage(found.refusal));
      return null;
    }
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: found.token.requestId });
    return { request, context: await this.directory.forRequest(request) };
  }

  private async render(token: string, req: Request, res: Response, failedReply?: { status: number; message: string; text: string }): Promise<void> {
    const now = this.clock.now();
    const opened = await this.open(token, now, res);
    if (!opened) return;
    const { request, context } = opened;
    const timeZone = context.organisation.timeZone;
    const files = await this.dataSource.getRepository(ResponseFile).find({ where: { requestId: request.id }, order: { createdAt: 'ASC', fileName: 'ASC' } });
    const base = `/s/${encodeURIComponent(token)}`;
    res.status(failedReply?.status ?? 200).type('html').send(
      statusPage({
        organisationName: context.policy.name,
        reference: request.reference,
        requestLabel: requestLabel(request, context.policy),
        status: request.status,
        receivedOn: formatLocalDate(request.receivedAt, timeZone),
        dueOn: formatLocalDate(request.dueAt, timeZone),
        internalTarget: request.regime === 'none',
        daysLeft: daysLeft(request.dueAt, now, timeZone),
        open: isOpen(request.status),
        closedOn: request.closedAt ? formatLocalDate(request.closedAt, timeZone) : undefined,
        withdrawUrl: withdraw(requestFacts(request, context), now, 'status_page').ok ? `${base}/withdraw` : undefined,
        paused: request.pausedAt !== null,
        reply:
          request.status === 'awaiting_requester'
            ? {
                questions: await this.openQuestions(request.id),
                action: `${base}/reply`,
                csrfToken: this.csrf.tokenFor(req, res),
                maxLength: MAX_TEXT_LENGTH,
                text: failedReply?.text,
              }
            : undefined,
        error: failedReply?.message,
        files:
          files.length > 0 && request.responseAvailableUntil
            ? {
                items: files.map((f) => ({ name: f.fileName, size: f.size, url: `${base}/files/${f.id}` })),
                until: formatLocalDate(request.responseAvailableUntil, timeZone),
                available: request.responseAvailableUntil > now,
              }
            : undefined,
      }),
    );
  }

  /** The questions asked since the requester last answered. */
  private async openQuestions(requestId: string): Promise<string[]> {
    const notes = this.dataSource.getRepository(RequestNote);
    const lastReply = await notes.findOne({ where: { requestId, kind: 'requester_reply' }, order: { createdAt: 'DESC' } });
    const questions = await notes.find({
      where: { requestId, kind: 'question', ...(lastReply ? { createdAt: MoreThan(lastReply.createdAt) } : {}) },
      order: { createdAt: 'ASC' },
    });
    return questions.map((q) => q.text);
  }
}

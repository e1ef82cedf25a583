import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { DataSubjectRequest, OrganisationDirectory, redeemableToken } from '#db';
import { formatLocalDate } from '#mail';
import { findRight } from '#policy';
import { daysLeft, isOpen } from '#workflow';
import { DATA_SOURCE } from '../infra/tokens.js';
import { linkRefusedPage, statusPage } from '../views/request-pages.view.js';

/** The requester's private status link: state and due date, nothing else about them. */
@Controller('s')
export class StatusController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const now = new Date();
    const found = await this.dataSource.transaction((tx) => redeemableToken(tx, token, 'status', now));
    if (!found.ok) {
      res.status(found.refusal === 'unknown' ? 404 : 410).type('html').send(linkRefusedPage(found.refusal));
      return;
    }
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: found.token.requestId });
    const context = await this.directory.forRequest(request);
    const timeZone = context.organisation.timeZone;
    res.type('html').send(
      statusPage({
        organisationName: context.policy.name,
        reference: request.reference,
        requestLabel: findRight(context.policy, request.rightId)?.label ?? request.type,
        status: request.status,
        receivedOn: formatLocalDate(request.receivedAt, timeZone),
        dueOn: formatLocalDate(request.dueAt, timeZone),
        daysLeft: daysLeft(request.dueAt, now, timeZone),
        open: isOpen(request.status),
      }),
    );
  }
}

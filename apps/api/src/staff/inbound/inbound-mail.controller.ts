import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import { safeContentType } from '../../requests/response-upload.js';
import { READ_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { type Download, InboundMailService } from './inbound-mail.service.js';

/** Downloads of a mailed-in request's original message and attachments, for everyone who may read the request. */
@Controller('staff/orgs/:org/requests/:id/mail')
export class InboundMailController {
  constructor(private readonly mail: InboundMailService) {}

  @Get('original.eml')
  @StaffRoute(READ_ROLES)
  async original(
    @StaffOrg() organisation: StaffOrganisation,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.mail.source(organisation.organisation.id, id));
  }

  @Get('attachments/:attachmentId')
  @StaffRoute(READ_ROLES)
  async attachment(
    @StaffOrg() organisation: StaffOrganisation,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.mail.attachment(organisation.organisation.id, id, attachmentId));
  }
}

/** Whatever a sender attached is a download, never rendered in the console's origin: attachment, not sniffed, not cached. */
function send(res: Response, file: Download): void {
  res.attachment(file.fileName);
  // A browser that renders it anyway gets a sandbox with nothing allowed: no scripts, no same-origin access.
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "sandbox; default-src 'none'",
  });
  // Set directly: Express would append a charset to text types; the type is the sender's, checked for shape only.
  res.setHeader('Content-Type', safeContentType(file.contentType));
  res.send(file.content);
}

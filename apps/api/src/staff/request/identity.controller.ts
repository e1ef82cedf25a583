import { Controller, Get, Inject, Param, Post, Redirect, Res, UseFilters } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import type { Response } from 'express';

import type { Clock } from '#config';
import { staffPaths } from '#mail';

import { seeOther } from '../../infra/page.decorator.js';
import { asText, PostedForm } from '../../infra/posted-form.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { ACT_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { StaffActor, type StaffMemberActor, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { ActionRefusedFilter } from './action-refused.filter.js';
import { IdentityDocumentViewService } from './identity-document-view.service.js';
import { IdentityOverrideService } from './identity-override.service.js';

/** The degree chosen and how staff verified it; the service refuses an unknown degree or an empty reason. */
export class IdentityOverrideForm {
  @Transform(asText) @IsString() level = '';
  @Transform(asText) @IsString() reason = '';
}

/**
 * The identity part of a request page: staff view the requester's identity document, and record the degree of
 * verification they reached themselves.
 */
@Controller('staff/orgs/:org/requests/:id/identity')
@UseFilters(ActionRefusedFilter)
export class IdentityController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly identity: IdentityOverrideService,
    private readonly documents: IdentityDocumentViewService,
  ) {}

  /** The document as a watermarked PDF: shown in the browser's viewer, never cached, never sniffed as anything else. */
  @Get('document')
  @StaffRoute(ACT_ROLES)
  async viewDocument(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { reference, pdf } = await this.documents.view(org.organisation, id, actor, this.clock.now());
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="identity-check-${reference}.pdf"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(Buffer.from(pdf));
  }

  @Post()
  @StaffRoute(ACT_ROLES)
  @Redirect()
  async override(
    @StaffOrg() org: StaffOrganisation,
    @StaffActor() actor: StaffMemberActor,
    @Param('id') id: string,
    @PostedForm(IdentityOverrideForm) form: IdentityOverrideForm,
  ) {
    await this.identity.override(org.organisation.id, id, { actor, ...form }, this.clock.now());
    return seeOther(staffPaths.request(org.organisation.slug, id));
  }
}

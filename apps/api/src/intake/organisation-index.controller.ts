import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';

import { OrganisationDirectory } from '#db';

import { Page } from '../infra/page.decorator.js';
import { anyPageLanguage } from '../infra/page-language.js';
import { type OrganisationIndexModel, organisationIndexPage } from '../views/organisation-index.view.js';

/** `/`: where someone who knows only this site's address finds the form of the organisation they want. */
@Controller()
export class OrganisationIndexController {
  constructor(@Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory) {}

  /** In any language we have wording for: the page belongs to no organisation, and each form picks its own. */
  @Get()
  @Page(organisationIndexPage)
  async index(@Req() req: Request): Promise<OrganisationIndexModel> {
    return { organisations: await this.directory.published(), language: anyPageLanguage(req) };
  }
}

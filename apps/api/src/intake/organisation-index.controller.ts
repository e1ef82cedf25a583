import { Controller, Get, Inject } from '@nestjs/common';

import { OrganisationDirectory } from '#db';

import { Page } from '../infra/page.decorator.js';
import { organisationIndexPage } from '../views/organisation-index.view.js';

/** `/`: where someone who knows only this site's address finds the form of the organisation they want. */
@Controller()
export class OrganisationIndexController {
  constructor(@Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory) {}

  @Get()
  @Page(organisationIndexPage)
  index(): Promise<{ slug: string; name: string }[]> {
    return this.directory.published();
  }
}

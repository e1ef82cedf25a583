import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OrganisationDirectory } from '#db';
import { organisationIndexPage } from '../views/organisation-index.view.js';

/** `/`: where someone who knows only this site's address finds the form of the organisation they want. */
@Controller()
export class OrganisationIndexController {
  constructor(@Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    res.type('html').send(organisationIndexPage(await this.directory.published()));
  }
}

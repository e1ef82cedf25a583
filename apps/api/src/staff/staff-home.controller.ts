import { Controller, Get, Inject, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { In, type DataSource } from 'typeorm';
import { Organisation } from '#db';
import { html } from '#mail';
import { DATA_SOURCE } from '../infra/tokens.js';
import { Csrf } from '../infra/csrf.js';
import { staffPage } from '../views/staff-layout.view.js';
import { Staff, StaffGuard } from './auth/staff.guard.js';
import type { StaffPrincipal } from './auth/staff-session.service.js';

/** The organisations the signed-in member works for; nothing of any other. */
@Controller('staff')
@UseGuards(StaffGuard)
export class StaffHomeController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly csrf: Csrf,
  ) {}

  @Get()
  async home(@Staff() staff: StaffPrincipal, @Req() req: Request, @Res() res: Response): Promise<void> {
    const organisations = await this.dataSource
      .getRepository(Organisation)
      .find({ where: { id: In([...staff.roles.keys()]) }, order: { name: 'ASC' } });
    const body = html`<h1>Your organisations</h1>
${
  organisations.length === 0
    ? html`<p>You are not a member of any organisation yet. Ask an admin to add you.</p>`
    : html`<ul>${organisations.map(
        (o) => html`<li><a href="/staff/orgs/${o.slug}/requests">${o.name}</a> (${staff.roles.get(o.id)})</li>`,
      )}</ul>`
}`;
    res.type('html').send(staffPage('Your organisations', body, { userName: staff.user.name, csrfToken: this.csrf.tokenFor(req, res) }));
  }
}

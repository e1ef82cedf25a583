import { Controller, Get } from '@nestjs/common';
import type { Organisation } from '#db';
import { html, staffPaths } from '#mail';
import { Page, type PageContext } from '../infra/page.decorator.js';
import { staffPage } from '../views/staff-layout.view.js';
import { staffChrome, staffOf, StaffRoute } from './auth/staff-route.decorator.js';
import { Staff } from './auth/staff.guard.js';
import type { StaffPrincipal } from './auth/staff-session.service.js';
import { StaffHomeService } from './staff-home.service.js';

function homePage(organisations: Organisation[], context: PageContext): string {
  const staff = staffOf(context);
  const body = html`<h1>Your organisations</h1>
${
  organisations.length === 0
    ? html`<p>You are not a member of any organisation yet. Ask an admin to add you.</p>`
    : html`<ul>${organisations.map((o) => html`<li><a href="${staffPaths.requests(o.slug)}">${o.name}</a> (${staff.roles.get(o.id)})</li>`)}</ul>`
}`;
  return staffPage('Your organisations', body, staffChrome(context));
}

/** The organisations the signed-in member works for; nothing of any other. */
@Controller('staff')
export class StaffHomeController {
  constructor(private readonly home: StaffHomeService) {}

  @Get()
  @StaffRoute()
  @Page(homePage)
  organisations(@Staff() staff: StaffPrincipal): Promise<Organisation[]> {
    return this.home.organisationsOf(staff);
  }
}

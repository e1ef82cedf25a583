import { Controller, Get } from '@nestjs/common';

import type { Organisation } from '#db';

import { Page } from '../infra/page.decorator.js';
import { Staff } from './auth/staff.guard.js';
import { StaffRoute } from './auth/staff-route.decorator.js';
import type { StaffPrincipal } from './auth/staff-session.service.js';
import { StaffHomeService } from './staff-home.service.js';
import { homePage } from './staff-home.view.js';

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

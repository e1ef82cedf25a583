import { Inject, Injectable } from '@nestjs/common';
import { type DataSource, In } from 'typeorm';

import { Organisation } from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';
import type { StaffPrincipal } from './auth/staff-session.service.js';

/** The organisations a member works for, by name; nothing of any other. */
@Injectable()
export class StaffHomeService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  organisationsOf(staff: StaffPrincipal): Promise<Organisation[]> {
    return this.dataSource
      .getRepository(Organisation)
      .find({ where: { id: In([...staff.roles.keys()]) }, order: { name: 'ASC' } });
  }
}

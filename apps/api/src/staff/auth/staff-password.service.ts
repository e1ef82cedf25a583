import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { setStaffPassword } from '#db';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { type StaffPrincipal, StaffSessionService } from './staff-session.service.js';

/** A signed-in member changing their own password. */
@Injectable()
export class StaffPasswordService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sessions: StaffSessionService,
  ) {}

  /**
   * Needs the current password (counted towards the lock like a sign-in): a borrowed session cannot take the
   * account. False when it is not right; every other session of the member ends with the change.
   */
  async change(staff: StaffPrincipal, current: string, password: string, now: Date): Promise<boolean> {
    const user = await this.sessions.checkPassword(staff.user.email, current, now);
    if (!user || user.id !== staff.user.id) return false;
    await this.dataSource.transaction((tx) => setStaffPassword(tx, staff.user.id, password, staff.sessionId));
    return true;
  }
}

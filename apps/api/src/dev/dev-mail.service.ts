import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { DevMail } from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';

/** The mails the dev mailbox kept instead of sending. */
@Injectable()
export class DevMailService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  newest(count: number): Promise<DevMail[]> {
    return this.dataSource.getRepository(DevMail).find({ order: { id: 'DESC' }, take: count });
  }

  /** Ids are bigint: anything that is not one (or too long to be one) is simply not a mail here. */
  async byId(id: string): Promise<DevMail | null> {
    return /^[1-9]\d{0,17}$/.test(id) ? this.dataSource.getRepository(DevMail).findOneBy({ id }) : null;
  }
}

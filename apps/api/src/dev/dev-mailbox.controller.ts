import { Controller, Get, NotFoundException, Param } from '@nestjs/common';

import type { DevMail } from '#db';

import { Page } from '../infra/page.decorator.js';
import { DevMailService } from './dev-mail.service.js';
import { mailboxPage, mailPage } from './dev-mailbox.view.js';

/** Mails caught when SMTP_URL is unset. Registered only on a developer's machine (Env.devPagesServed). */
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mails: DevMailService) {}

  @Get()
  @Page(mailboxPage)
  list(): Promise<DevMail[]> {
    return this.mails.newest(100);
  }

  @Get(':id')
  @Page(mailPage)
  async show(@Param('id') id: string): Promise<DevMail> {
    const mail = await this.mails.byId(id);
    if (!mail) throw new NotFoundException('No such mail in the dev mailbox.');
    return mail;
  }
}

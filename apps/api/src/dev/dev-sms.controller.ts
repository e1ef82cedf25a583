import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  HttpCode,
  Injectable,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { Env } from '#config';

import { HttpExceptionFilter } from '../http-exception.filter.js';
import { CsrfGuard } from '../infra/csrf.guard.js';
import { Csrf, CsrfRejected } from '../infra/csrf.js';
import { Page, RefusedPage } from '../infra/page.decorator.js';
import { DevSmsService, type TestText } from './dev-sms.service.js';
import { type DevSmsModel, devSmsPage } from './dev-sms.view.js';

/** A posted field as text; anything else (missing, repeated, an object) is not a field of this form. */
function field(body: Record<string, unknown>, name: keyof TestText, max: number): string | null {
  const value = body[name];
  return typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : null;
}

function postedText(posted: unknown): { [K in keyof TestText]: string | null } {
  const body: Record<string, unknown> = { ...(posted as Record<string, unknown> | undefined) };
  return { To: field(body, 'To', 32), From: field(body, 'From', 32), Body: field(body, 'Body', 1600) };
}

/** The form shows what was posted, a field that is not text as empty. */
const shownText = (text: ReturnType<typeof postedText>): TestText => ({
  To: text.To ?? '',
  From: text.From ?? '',
  Body: text.Body ?? '',
});

/** A post without its form token shows the form again, with what was typed and why nothing was sent (403). */
@Catch(CsrfRejected)
@Injectable()
class DevSmsCsrfFilter implements ExceptionFilter {
  private readonly errors = new HttpExceptionFilter();

  constructor(
    private readonly sms: DevSmsService,
    private readonly csrf: Csrf,
    private readonly env: Env,
  ) {}

  async catch(refusal: CsrfRejected, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    try {
      const model: DevSmsModel = {
        numbers: await this.sms.smsNumbers(),
        values: shownText(postedText(request.body)),
        secretSet: Boolean(this.env.SMS_WEBHOOK_SECRET),
        result: { error: refusal.message },
      };
      response
        .status(refusal.getStatus())
        .type('html')
        .send(devSmsPage(model, { request, csrfToken: () => this.csrf.tokenFor(request, response) }));
    } catch (error) {
      this.errors.catch(error, host);
    }
  }
}

/**
 * Sends a test text to our own SMS webhook, signed as the provider signs (the webhook's own signer, keyed by
 * SMS_WEBHOOK_SECRET), so STOP, START and HELP can be tried without a provider. Registered only on a developer's
 * machine (Env.devPagesServed), as the dev mailbox is.
 */
@Controller('dev/sms')
export class DevSmsController {
  constructor(
    private readonly sms: DevSmsService,
    private readonly env: Env,
  ) {}

  @Get()
  @Page(devSmsPage)
  async form(): Promise<DevSmsModel> {
    return this.model({ To: '', From: '+15550100999', Body: 'STOP' });
  }

  @Post()
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @UseFilters(DevSmsCsrfFilter)
  @Page(devSmsPage)
  async send(@Body() posted: Record<string, unknown>): Promise<DevSmsModel> {
    const text = postedText(posted);
    const shown = shownText(text);
    if (!this.env.SMS_WEBHOOK_SECRET) throw new RefusedPage(409, await this.model(shown));
    if (text.To === null || text.From === null || text.Body === null) {
      throw new RefusedPage(
        400,
        await this.model(shown, { error: 'Fill in To, From and the text (up to 1600 characters).' }),
      );
    }
    const answer = await this.sms.sendSigned(this.env.SMS_WEBHOOK_SECRET, {
      To: text.To,
      From: text.From,
      Body: text.Body,
    });
    return this.model(shown, { answer });
  }

  private async model(values: TestText, result?: DevSmsModel['result']): Promise<DevSmsModel> {
    return { numbers: await this.sms.smsNumbers(), values, secretSet: Boolean(this.env.SMS_WEBHOOK_SECRET), result };
  }
}

import { Controller, Get, HttpCode, Inject, Ip, Param, Post, UseGuards } from '@nestjs/common';

import { type Clock, Env } from '#config';

import { CsrfGuard } from '../infra/csrf.guard.js';
import { Page, type PageContext, RefusedPage } from '../infra/page.decorator.js';
import { RateLimiter } from '../infra/rate-limiter.js';
import { CLOCK } from '../infra/tokens.js';
import {
  type VendorAsk,
  VendorConfirmationService,
  type VendorLink,
  type VendorLinkRefusal,
} from './vendor-confirmation.service.js';
import { vendorConfirmedPage, vendorConfirmPage, vendorLinkRefusedPage } from './vendor-confirmation.view.js';

const HOUR = 3600;

type ConfirmModel = VendorAsk & { token: string };

const confirmView = (model: ConfirmModel | VendorLinkRefusal, context: PageContext) =>
  'refusal' in model ? vendorLinkRefusedPage(model) : vendorConfirmPage({ ...model, csrfToken: context.csrfToken() });
const confirmedView = (model: VendorAsk | VendorLinkRefusal) =>
  'refusal' in model ? vendorLinkRefusedPage(model) : vendorConfirmedPage(model);

/** A link that never was ours is not found; one that was, spent, is gone. */
function refused(link: Extract<VendorLink, { ok: false }>): RefusedPage<VendorLinkRefusal> {
  return new RefusedPage<VendorLinkRefusal>(link.refusal === 'unknown' ? 404 : 410, {
    refusal: link.refusal,
    organisationName: link.organisationName,
  });
}

/** The single-use link a service provider gets by mail (docs/data-map.md): GET shows a button, POST confirms. */
@Controller('vendors/confirm')
export class VendorConfirmationController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly confirmations: VendorConfirmationService,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  @Get(':token')
  @Page(confirmView)
  async show(@Param('token') token: string): Promise<ConfirmModel> {
    const link = await this.confirmations.check(token);
    if (!link.ok) throw refused(link);
    const { ok: _ok, ...ask } = link;
    return { ...ask, token };
  }

  @Post(':token')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @Page(confirmedView)
  async confirm(@Param('token') token: string, @Ip() ip: string | undefined): Promise<VendorAsk> {
    await this.rateLimiter.hit('vendor-confirm-ip', ip ?? 'unknown', this.env.INTAKE_RATE_LIMIT, HOUR);
    const link = await this.confirmations.confirm(token, this.clock.now());
    if (!link.ok) throw refused(link);
    const { ok: _ok, ...ask } = link;
    return ask;
  }
}

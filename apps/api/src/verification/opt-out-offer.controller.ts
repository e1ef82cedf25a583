import { Controller, Inject, Param, Post, Redirect, UseGuards } from '@nestjs/common';

import type { Clock } from '#config';
import type { TokenRefusal } from '#db';

import { CsrfGuard } from '../infra/csrf.guard.js';
import { Page, type PageContext, seeOther } from '../infra/page.decorator.js';
import { anyPageLanguage } from '../infra/page-language.js';
import { CLOCK } from '../infra/tokens.js';
import { ActionRefused } from '../requests/action-refused.js';
import { linkRefusedPage } from '../views/request-pages.view.js';
import { OptOutInsteadService } from './opt-out-instead.service.js';
import { linkRefused, statusPath } from './status.controller.js';

const refusedLinkView = (model: { refusal: TokenRefusal }, context: PageContext) =>
  linkRefusedPage(model.refusal, undefined, anyPageLanguage(context.request));

/** The button a deletion denied as unverified shows on its status page: the sale/share opt-out, taken at once. */
@Controller('s')
export class OptOutOfferController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly optOuts: OptOutInsteadService,
  ) {}

  @Post(':token/opt-out')
  @UseGuards(CsrfGuard)
  @Page(refusedLinkView)
  @Redirect()
  async take(@Param('token') token: string) {
    try {
      const outcome = await this.optOuts.take(token, this.clock.now());
      if (!outcome.ok) throw linkRefused(outcome.refusal);
    } catch (error) {
      // Nothing offered (a request that was never a denied deletion): the status page says where it stands.
      if (!(error instanceof ActionRefused)) throw error;
    }
    return seeOther(statusPath(token));
  }
}

import { Controller, Get, Header } from '@nestjs/common';

/** When this site's GPC support last changed; the spec's lastUpdate is that date, not today's. */
const GPC_SUPPORT_UPDATED = '2026-11-25';

/** The GPC support resource (https://www.w3.org/TR/gpc/): this site honours the signal where the law gives it effect. */
@Controller('.well-known')
export class GpcWellKnownController {
  @Get('gpc.json')
  @Header('Content-Type', 'application/json')
  @Header('Cache-Control', 'public, max-age=86400')
  gpc(): string {
    return JSON.stringify({ gpc: true, lastUpdate: GPC_SUPPORT_UPDATED });
  }
}

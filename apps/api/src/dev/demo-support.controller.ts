import { Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';

import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '#systems';

import { DemoSupportService } from './demo-support.service.js';

/** A signed call as it arrived: its headers and its raw body (api-setup keeps it raw). */
export interface SignedCall {
  timestamp?: string;
  signature?: string;
  body: Buffer;
}

/**
 * The demo support desk of an organisation, at the base URL its data map's `http` system names: access answers now,
 * erasure answers 202 and calls back a second later, both signed as docs/data-map.md says. Dev pages only.
 */
@Controller('dev/demo-systems/:org/support')
export class DemoSupportController {
  constructor(private readonly demo: DemoSupportService) {}

  @Post('access')
  @HttpCode(200)
  access(
    @Param('org') slug: string,
    @Headers(TIMESTAMP_HEADER) timestamp: string | undefined,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Req() req: Request,
  ) {
    return this.demo.access(slug, { timestamp, signature, body: rawBody(req) });
  }

  @Post('erasure')
  @HttpCode(202)
  erasure(
    @Param('org') slug: string,
    @Headers(TIMESTAMP_HEADER) timestamp: string | undefined,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Req() req: Request,
  ) {
    return this.demo.erasure(slug, { timestamp, signature, body: rawBody(req) });
  }
}

const rawBody = (req: Request) => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

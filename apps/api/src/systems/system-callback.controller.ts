import { Controller, Headers, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';

import type { Clock } from '#config';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '#systems';

import { CLOCK } from '../infra/tokens.js';
import { SystemCallbackService } from './system-callback.service.js';

/**
 * Where an organisation's service posts the result of a run it answered 202, signed with the system's shared secret
 * (docs/data-map.md). No form token: the signature is the authority. The body arrives raw (api-setup), as signed.
 */
@Controller('systems')
export class SystemCallbackController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly callbacks: SystemCallbackService,
  ) {}

  @Post('callback/:taskId')
  @HttpCode(200)
  receive(
    @Param('taskId') taskId: string,
    @Headers(TIMESTAMP_HEADER) timestamp: string | undefined,
    @Headers(SIGNATURE_HEADER) signature: string | undefined,
    @Req() req: Request,
  ) {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return this.callbacks.receive(taskId, { timestamp, signature, body }, this.clock.now());
  }
}

import { type CanActivate, type ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Env } from '#config';

import { Csrf } from '../infra/csrf.js';
import { RateLimiter } from '../infra/rate-limiter.js';
import { MAX_PERMISSION_FILE_BYTES } from './permission-file.js';
import { MAX_FORM_BYTES } from './permission-upload.interceptor.js';

const HOUR = 3600;

export class FormTooLarge extends PayloadTooLargeException {
  constructor() {
    super(
      `This post is larger than the form can send: a file of at most ${MAX_PERMISSION_FILE_BYTES / (1024 * 1024)} MB and its fields. Choose a smaller file and send it again.`,
    );
  }
}

/**
 * The cheap checks of a form post, made on its headers before a byte of its body is read: every post counts
 * towards the rate limit (refused ones too, so guessing tokens costs the same as posting), a declared length over
 * the limit is refused, and the form token must match. A multipart post carries its token in the URL of the form's
 * action, since its fields are only read with the body; a urlencoded body is small and already read.
 * A refusal closes the connection rather than read the rest of what the client is still sending.
 */
@Injectable()
export class IntakeGate implements CanActivate {
  constructor(
    private readonly csrf: Csrf,
    private readonly rateLimiter: RateLimiter,
    private readonly env: Env,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    try {
      await this.rateLimiter.hit('intake', req.ip ?? 'unknown', this.env.INTAKE_RATE_LIMIT, HOUR);
      if (Number(req.headers['content-length']) > MAX_FORM_BYTES) throw new FormTooLarge();
      const body = req.body as Record<string, unknown> | undefined;
      this.csrf.verify(req, req.query._csrf ?? (req.is('multipart') ? undefined : body?._csrf));
      return true;
    } catch (error) {
      res.setHeader('Connection', 'close');
      throw error;
    }
  }
}

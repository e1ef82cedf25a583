import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { Env } from '#config';

const COOKIE = 'rd_csrf';

export class CsrfRejected extends ForbiddenException {
  constructor() {
    super('This form has expired or was not sent from our site. Please submit it again.');
  }
}

/**
 * Double-submit CSRF protection for the public forms, which have no session: a random value in an
 * httpOnly SameSite cookie, and its HMAC (keyed by APP_SECRET) in a hidden field.
 */
@Injectable()
export class Csrf {
  constructor(private readonly env: Env) {}

  /** The hidden-field value for this browser, setting its cookie when it has none. */
  tokenFor(req: Request, res: Response): string {
    const nonce = req.cookies?.[COOKIE] as string | undefined;
    return this.sign(nonce && /^[A-Za-z0-9_-]{22}$/.test(nonce) ? nonce : this.rotate(req, res));
  }

  /** A new nonce, e.g. at sign-in, so a token planted before it is worthless after. */
  rotate(req: Request, res: Response): string {
    const nonce = randomBytes(16).toString('base64url');
    res.cookie(COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.PUBLIC_URL.startsWith('https:'),
      path: '/',
    });
    // The request carries the cookie from now on, so a form rendered in this response matches.
    req.cookies = { ...req.cookies, [COOKIE]: nonce };
    return nonce;
  }

  verify(req: Request, submitted: unknown): void {
    const nonce = req.cookies?.[COOKIE] as string | undefined;
    if (!nonce || typeof submitted !== 'string') throw new CsrfRejected();
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(submitted);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfRejected();
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.env.APP_SECRET).update(`csrf:${nonce}`).digest('base64url');
  }
}

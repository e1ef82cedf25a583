import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';

import { Env } from '#config';

import { Csrf, CsrfRejected } from './csrf.js';

const csrf = new Csrf(new Env());

/** A request carrying the cookie a browser got with the form, and a response that records cookies set. */
function browser(): { req: Request; res: Response } {
  const req = { cookies: {} } as unknown as Request;
  const res = { cookie: () => res } as unknown as Response;
  return { req, res };
}

describe('Csrf', () => {
  it('accepts the token of the same browser', () => {
    const { req, res } = browser();
    const token = csrf.tokenFor(req, res);
    expect(() => csrf.verify(req, token)).not.toThrow();
  });

  it.each([
    ['missing', undefined],
    ['not text', ['x']],
    ['empty', ''],
    ['shorter', 'abc'],
    ['one character changed', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
    ['longer', (t: string) => `${t}A`],
  ])('refuses a token that is %s', (_, submitted) => {
    const { req, res } = browser();
    const token = csrf.tokenFor(req, res);
    const value = typeof submitted === 'function' ? submitted(token) : submitted;
    expect(() => csrf.verify(req, value)).toThrow(CsrfRejected);
  });

  it("refuses another browser's token, and any token without the cookie", () => {
    const a = browser();
    const b = browser();
    const tokenOfA = csrf.tokenFor(a.req, a.res);
    csrf.tokenFor(b.req, b.res);
    expect(() => csrf.verify(b.req, tokenOfA)).toThrow(CsrfRejected);
    expect(() => csrf.verify({ cookies: {} } as unknown as Request, tokenOfA)).toThrow(CsrfRejected);
  });
});

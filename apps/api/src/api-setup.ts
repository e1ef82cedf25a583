import type { IncomingMessage } from 'node:http';

import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

import { type Env, logContext, traceIdFrom } from '#config';
import { MAX_ANSWER_BYTES } from '#systems';

import { serveApiDocs } from './api-docs.js';
import { drpBodyGate } from './drp/signed-body.js';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { NulFreeInputGuard } from './infra/nul-free-input.guard.js';

/** Headers, body parsing, validation and error pages of the api: one setup for the server and anything that boots it. */
export function configureApi(app: NestExpressApplication, env: Env): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Styles only from our stylesheet: helmet's default would allow inline styles and any https: origin.
        directives: {
          defaultSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          scriptSrc: ["'none'"],
          styleSrc: ["'self'"],
        },
      },
      // HSTS only where we are served over TLS: PUBLIC_URL is the address people use, so behind a proxy that ends
      // TLS it is https and the header goes out, without trusting any forwarded header to say so.
      strictTransportSecurity: env.PUBLIC_URL.startsWith('https:'),
    }),
  );
  app.use(cookieParser());
  serveApiDocs(app, env);
  app.use('/drp', drpBodyGate);
  // A service's callback (and the dev pages' demo service) is checked against its signature over the exact bytes
  // sent, so its body stays raw; an access result carries the person's rows, hence the larger limit.
  app.useBodyParser('raw', { type: isSignedServiceCall, limit: MAX_ANSWER_BYTES });
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb' });
  app.useBodyParser('json', { limit: '64kb' });
  // A body of a type we do not parse (text/plain, none at all) reads as no fields, so the form checks refuse it.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    req.body ??= {};
    next();
  });
  app.use(traceRequest);
  app.useGlobalGuards(new NulFreeInputGuard());
  app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }));
  app.useGlobalFilters(new HttpExceptionFilter());
}

const isSignedServiceCall = (req: IncomingMessage) =>
  !!req.url && (req.url.startsWith('/systems/callback/') || req.url.startsWith('/dev/demo-systems/'));

/**
 * The rest of the request runs under its trace id, which its log lines and the jobs it causes carry, and which its
 * answer names. After the body parsers: they call on from a stream callback, outside any context set before them.
 */
function traceRequest(req: Request, res: Response, next: NextFunction): void {
  const traceId = traceIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', traceId);
  logContext.run({ traceId }, next);
}

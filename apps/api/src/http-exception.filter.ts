import {
  ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { isDatabaseUnavailable } from '#db';

import { DrpError } from './drp/drp-error.js';
import { RenderedRefusal } from './infra/page.decorator.js';
import { anyPageLanguage } from './infra/page-language.js';
import { RateLimitExceeded } from './infra/rate-limiter.js';
import { SignInRequired } from './staff/auth/staff.guard.js';
import { errorPage } from './views/request-pages.view.js';

const DATABASE_DOWN = 'The service is briefly unavailable. Please try again in a minute.';
const DATABASE_RETRY_AFTER_SECONDS = 30;
/** The staff console, the dev tools and the service providers' pages are English, and so are their error pages. */
const ENGLISH_ONLY = /^\/(staff|dev|vendors)(\/|$)/;

/**
 * Clear messages, never stack traces: HTML for pages, JSON for /api, /drp and services' /systems callbacks. An
 * unreachable database answers 503 (try again later); other unexpected errors are logged and answered 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception =
      !(thrown instanceof HttpException) && isDatabaseUnavailable(thrown)
        ? new ServiceUnavailableException(DATABASE_DOWN)
        : thrown;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (exception instanceof SignInRequired) {
      res.redirect(303, exception.location);
      return;
    }
    if (exception instanceof RenderedRefusal) {
      res.status(exception.getStatus()).set(exception.headers).type('html').send(exception.html);
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (exception !== thrown) this.logger.warn(`database unreachable: ${(thrown as Error).message}`);
    else if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    // A 503 we raise on purpose (a service down) says which; any other 5xx says nothing of our insides.
    const explained = exception instanceof HttpException && (status < 500 || status === HttpStatus.SERVICE_UNAVAILABLE);
    const messages = explained
      ? messagesOf(exception)
      : ['Something went wrong on our side. Please try again in a moment.'];
    if (exception instanceof RateLimitExceeded) res.set('Retry-After', String(exception.retryAfterSeconds));
    if (exception !== thrown) res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    if (req.path.startsWith('/drp/')) {
      // The Data Rights Protocol's error body (0.9.4 §3.06).
      const fatal = exception instanceof DrpError && exception.fatal;
      res.status(status).json({ code: String(status), message: messages.join(' '), ...(fatal ? { fatal: true } : {}) });
    } else if (req.path.startsWith('/api/') || req.path.startsWith('/systems/')) {
      res.status(status).json({ statusCode: status, error: HttpStatus[status] ?? 'Error', message: messages });
    } else {
      res
        .status(status)
        .type('html')
        .send(errorPage(status, messages.join(' '), ENGLISH_ONLY.test(req.path) ? 'en' : anyPageLanguage(req)));
    }
  }
}

function messagesOf(exception: HttpException): string[] {
  const response = exception.getResponse();
  if (typeof response === 'string') return [response];
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.map(String) : [String(message ?? exception.message)];
}

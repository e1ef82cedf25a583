import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import { type LoggerOptions, stdSerializers } from 'pino';

import type { Env } from './env.js';

/** What every log line of one HTTP request, and of the jobs it causes, has in common. */
export interface LogContext {
  traceId: string;
}

/** The running request's or job's trace id, carried through awaits without passing it down. */
export const logContext = new AsyncLocalStorage<LogContext>();

export function currentTraceId(): string | undefined {
  return logContext.getStore()?.traceId;
}

/** Anything shaped like a mail address: local part, @, domain (no spaces, brackets or quotes). */
const ADDRESS = /[^\s<>()[\]",;:@]+@[^\s<>()[\]"',;:@]+/g;
/** A run of digits, spaces, dots, dashes and brackets that may be a phone number (counted below). */
const PHONE = /(?<![\w+.(-])[+(]?\d[\d ().-]{5,}\d(?![\w-])/g;
/** A long run of URL-safe characters: secrets, tokens, hashes (kept when it is an IDENTIFIER or a UUID). */
const TOKEN = /[\w-]{24,}/g;
/** snake_case or (lower) CamelCase words: what a random token of this length (43 characters) never is. */
const IDENTIFIER = /^(?:[a-z_]+|[a-z]*(?:[A-Z][a-z]+)+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Text with every mail address replaced by "<address>": for errors that go to logs, job data and staff pages. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

/**
 * Free text made fit for a log: mail addresses, phone numbers (7 to 15 digits, not a date) and token-like strings
 * (not a UUID or an identifier: ids of requests, tasks and jobs are no personal data and are what an operator
 * searches for) replaced.
 */
export function scrubText(text: string): string {
  return redactAddresses(text)
    .replace(PHONE, (run) => {
      const digits = run.replace(/\D/g, '').length;
      // Digits alone, no + or separator: beyond 12 they are a timestamp in ms (as in a repeated job's id) far more
      // often than a phone number, which is then written with its + and country code.
      const bare = /^\d+$/.test(run);
      return digits >= 7 && digits <= (bare ? 12 : 15) && !ISO_DATE.test(run) ? '<phone>' : run;
    })
    .replace(TOKEN, (run) => (UUID.test(run) || IDENTIFIER.test(run) ? run : '<token>'));
}

/** A path segment that is a route word, a slug, a short number or a UUID; anything else may be a token. */
const PLAIN_SEGMENT = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

/** A URL for a log: no query string (it may carry an address or a token), and every token-like path segment replaced. */
export function scrubUrl(url: string): string {
  const path = url.split(/[?#]/, 1)[0]!;
  return path
    .split('/')
    .map((segment) => (segment === '' || UUID.test(segment) || PLAIN_SEGMENT.test(segment) ? segment : ':token'))
    .join('/');
}

/** An incoming X-Request-Id is kept when it is a short plain token that names nobody; otherwise a new id. */
export function traceIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  if (given && /^[A-Za-z0-9_-]{8,64}$/.test(given) && /[A-Za-z]/.test(given) && scrubText(given) === given)
    return given;
  return randomUUID();
}

/** Keys whose values are personal data or secrets wherever they appear in a logged object. */
const SECRET_KEYS = [
  'email',
  'name',
  'fullName',
  'firstName',
  'lastName',
  'phone',
  'address',
  'postalAddress',
  'token',
  'password',
  'secret',
  'authorization',
  'cookie',
  'apiKey',
];

/** Headers worth a line in a log: none of them can carry a person's data or a credential. */
const LOGGED_HEADERS = ['content-type', 'content-length', 'user-agent'];

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
}

/**
 * The options of every process's pino logger: JSON lines (pino-pretty in development), personal data kept out by
 * rule — keys redacted, URLs and free text scrubbed, headers dropped but a few — and each line's trace id.
 */
export function logOptions(env: Pick<Env, 'NODE_ENV' | 'logLevel'>): LoggerOptions {
  return {
    level: env.logLevel,
    redact: {
      paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
      censor: '[redacted]',
    },
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        url: req.url === undefined ? undefined : scrubUrl(req.url),
        headers: Object.fromEntries(LOGGED_HEADERS.flatMap((h) => (req.headers?.[h] ? [[h, req.headers[h]]] : []))),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (error: Error) => {
        const { type, message, stack } = stdSerializers.err(error);
        return { type, message: scrubText(message), stack: stack === undefined ? undefined : scrubText(stack) };
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
    mixin: () => {
      const traceId = currentTraceId();
      return traceId ? { traceId } : {};
    },
    ...(env.NODE_ENV === 'development'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  };
}

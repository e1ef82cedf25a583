import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { HttpSystem } from '#policy';

import { type Connector, type ConnectorDeps, SystemError, type SystemOutcome, type SystemRun } from '../connector.js';
import { serviceBaseUrl, serviceLookup } from './service-address.js';
import { readServiceAnswer } from './service-answer.js';
import { signatureHeaders } from './webhook-signature.js';

/** The largest answer read from a service (an access answer carries the person's rows); larger ones fail the run. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** Where a service calls back with the result of a run it answered 202. */
export const callbackPath = (taskId: string) => `/systems/callback/${taskId}`;

interface Answer {
  status: number;
  body: Buffer;
}

/**
 * A service the organisation runs, asked over HTTPS: a signed JSON POST to `<base>/access` or `<base>/erasure`.
 * 200 is the result now; 202 means the service calls back, signed the same way, at the callback URL. A 3xx is not
 * followed (the signed body goes where the map says, nowhere else); a 4xx is the service refusing; a 5xx or an
 * answer that cannot be read is a failure the worker retries. Errors carry a class and a shape, never a value or URL.
 */
export class HttpConnector implements Connector {
  constructor(
    private readonly system: HttpSystem,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly deps: Pick<ConnectorDeps, 'publicUrl' | 'serviceTimeoutMs' | 'now'>,
  ) {}

  async run(run: SystemRun): Promise<SystemOutcome> {
    if (run.purpose !== 'access' && run.purpose !== 'erasure')
      throw new SystemError('misconfigured', `a service is asked for access and erasure, not ${run.purpose}`);
    const base = this.variable(this.system.connection);
    const secret = this.variable(this.system.secret);
    const url = serviceBaseUrl(base);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${run.purpose}`;
    const body = Buffer.from(
      JSON.stringify({
        task: run.taskId,
        purpose: run.purpose,
        request: run.requestReference,
        identity: {
          ...(run.identity.email ? { email: run.identity.email } : {}),
          ...(run.identity.phone ? { phone: run.identity.phone } : {}),
          ...(run.identity.accountId ? { account_id: run.identity.accountId } : {}),
        },
        callback_url: new URL(callbackPath(run.taskId), this.deps.publicUrl).toString(),
      }),
    );
    const answer = await this.post(url, body, signatureHeaders(secret, body, this.deps.now()));
    return outcomeOf(run, answer);
  }

  private variable(name: string): string {
    const value = this.env[name];
    if (!value) throw new SystemError('misconfigured', `environment variable ${name} is not set`);
    return value;
  }

  private post(url: URL, body: Buffer, signature: Record<string, string>): Promise<Answer> {
    const timeoutMs = this.deps.serviceTimeoutMs;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Answer>((resolve, reject) => {
      const call: ClientRequest = send(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          accept: 'application/json',
          'user-agent': 'Rightsdesk-connected-system',
          ...signature,
        },
        lookup: serviceLookup,
        // One connection per call: nothing pooled outlives the checked lookup.
        agent: false,
      });
      // Why we cut the call short, if we did: the request and the answer then fail with errors of their own.
      let stoppedBy: SystemError | undefined;
      const stop = (reason: SystemError) => {
        stoppedBy ??= reason;
        call.destroy(reason);
      };
      // The whole call, connecting and reading the answer included.
      const timer = setTimeout(() => stop(new SystemError('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error & { code?: string }) => {
        clearTimeout(timer);
        if (stoppedBy) reject(stoppedBy);
        else reject(error instanceof SystemError ? error : new SystemError('unreachable', networkFailure(error)));
      };
      call.on('error', fail);
      call.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES)
            stop(new SystemError('failed', `the answer is larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          if (stoppedBy) reject(stoppedBy);
          else resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
        });
      });
      call.end(body);
    });
  }
}

function outcomeOf(run: SystemRun, { status, body }: Answer): SystemOutcome {
  if (status === 202) return { state: 'awaiting_vendor' };
  if (status >= 300 && status < 400)
    throw new SystemError('misconfigured', `the service answered HTTP ${status}, a redirect, which is not followed`);
  if (status >= 400 && status < 500) throw new SystemError('refused', `the service answered HTTP ${status}`);
  if (status !== 200) throw new SystemError('failed', `the service answered HTTP ${status}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SystemError('failed', 'the answer is not JSON');
  }
  const read = readServiceAnswer(run.purpose, parsed);
  if (!read.ok) throw new SystemError('failed', read.problem);
  return { state: 'done', ...read.result };
}

/** A network error's code ("ECONNREFUSED", "ENOTFOUND", a TLS code), else its name: never its message. */
function networkFailure(error: Error & { code?: string }): string {
  return typeof error.code === 'string' && /^[A-Z0-9_]+$/.test(error.code) ? error.code : error.name;
}

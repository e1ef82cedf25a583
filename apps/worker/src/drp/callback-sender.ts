import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

import { isPublicAddress } from './callback-address.js';

/** A callback that must not be tried again as it is: its URL is unusable, or it leads to a non-public address. */
export class CallbackRefused extends Error {
  override readonly name = 'CallbackRefused';

  /** Why, in a few words fit for the timeline: never the URL, which is the agent's to keep. */
  constructor(readonly failure: string) {
    super(`the status callback was not made: ${failure}`);
  }
}

/** A callback the agent did not take (no 2xx, a refused connection, a timeout): worth trying again later. */
export class CallbackFailed extends Error {
  override readonly name = 'CallbackFailed';

  /** A short class of the failure for the timeline ("HTTP 503", "ECONNREFUSED", "timeout"): never the agent's words. */
  constructor(readonly failure: string) {
    super(`the status callback failed: ${failure}`);
  }
}

export interface CallbackOptions {
  timeoutMs: number;
  /** Tests and local agents only: let the callback reach loopback, private and link-local addresses. */
  allowPrivateAddresses: boolean;
}

/**
 * POSTs a JSON body to an agent's callback URL and resolves once it answered 2xx; its answer's body is discarded
 * unread (DRP 0.9.4 §2.03.1). The name is resolved, and every address checked, in the connection's own lookup, so
 * what was checked is what is connected to. A redirect is not followed: it counts as a failure. The whole call,
 * connecting included, is bounded by the timeout.
 */
export async function postCallback(target: string, body: unknown, options: CallbackOptions): Promise<number> {
  const url = callbackUrl(target);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address in the URL is connected to without a lookup: it is checked here.
  if (isIP(host) && !options.allowPrivateAddresses && !isPublicAddress(host)) {
    throw new CallbackRefused('its address is not public');
  }
  const payload = Buffer.from(JSON.stringify(body));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const call = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': payload.length,
        'user-agent': 'Rightsdesk-DRP-status-callback',
      },
      lookup: options.allowPrivateAddresses ? undefined : publicOnlyLookup,
      signal: AbortSignal.timeout(options.timeoutMs),
      // One connection per call: nothing pooled outlives the checked lookup.
      agent: false,
    });
    call.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      response.resume();
      response.on('error', () => undefined);
      if (status >= 200 && status < 300) resolve(status);
      else if (status >= 300 && status < 400) reject(new CallbackFailed(`HTTP ${status}, a redirect (not followed)`));
      else reject(new CallbackFailed(`HTTP ${status}`));
    });
    call.on('error', (error: Error & { code?: string }) => {
      if (error instanceof CallbackRefused) reject(error);
      else if (error.name === 'AbortError' || error.name === 'TimeoutError')
        reject(new CallbackFailed(`timeout after ${options.timeoutMs} ms`));
      else
        reject(
          new CallbackFailed(typeof error.code === 'string' && /^[A-Z_]+$/.test(error.code) ? error.code : error.name),
        );
    });
    call.end(payload);
  });
}

function callbackUrl(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new CallbackRefused('its URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CallbackRefused('its URL is not http(s)');
  if (url.username || url.password) throw new CallbackRefused('its URL carries credentials');
  return url;
}

/** dns.lookup, refusing a name any of whose addresses is not public (one such address is enough to pick it). */
const publicOnlyLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new CallbackRefused('its host resolves to an address that is not public'), '', 0);
    if (addresses.length === 0)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

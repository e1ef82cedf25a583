import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

import { SystemError } from '../connector.js';

// A service's URL comes from the operator's environment, not from the data map's text, and a support desk or a
// sidecar on the organisation's own network is the common case: loopback and private addresses are allowed. Link-local
// addresses are not: they are where cloud metadata services answer (169.254.169.254), which no privacy webhook is.
const linkLocal = new BlockList();
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function isLinkLocal(address: string): boolean {
  const mapped = MAPPED_V4.exec(address);
  if (mapped) return isLinkLocal(mapped[1]);
  const family = isIP(address);
  return family !== 0 && linkLocal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const refused = () => new SystemError('misconfigured', 'the service URL leads to a link-local address');

/**
 * The base URL a system's environment variable holds, checked: http(s), no credentials in it (the shared secret
 * signs), and no link-local address written in it.
 */
export function serviceBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SystemError('misconfigured', 'the service URL is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SystemError('misconfigured', 'the service URL is not http(s)');
  if (url.username || url.password) throw new SystemError('misconfigured', 'the service URL carries credentials');
  if (isLinkLocal(url.hostname.replace(/^\[|\]$/g, ''))) throw refused();
  return url;
}

/** dns.lookup for the call's own connection, refusing a name that resolves to a link-local address. */
export const serviceLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    if (addresses.some((a) => isLinkLocal(a.address))) return callback(refused(), '', 0);
    if (addresses.length === 0)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

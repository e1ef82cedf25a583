import { Resolver } from 'node:dns/promises';

import { authenticate } from 'mailauth';

import type { SenderAuthentication } from '#db';

export type DnsLookup = (name: string, type: string) => Promise<string[][] | string[]>;

/** How the sender's claims are checked: the connection's facts and where DNS answers come from. */
export interface SenderFacts {
  ip: string;
  helo: string;
  envelopeFrom: string;
}

/**
 * A DNS lookup for SPF, DKIM and DMARC records: the given servers (`host:port`, e.g. a local validating resolver),
 * else the system's. Timeouts are short: an unanswered lookup makes a temperror, which is simply "not aligned".
 */
export function dnsLookup(servers: string | undefined): DnsLookup {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  const list =
    servers
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  if (list.length > 0) resolver.setServers(list);
  return (name, type) => resolver.resolve(name, type) as Promise<string[][] | string[]>;
}

/**
 * SPF, DKIM and DMARC for a received mail (mailauth). Aligned means the From address's domain vouched for this
 * mail: DMARC passed, or, where the domain publishes no DMARC record, SPF or a DKIM signature passed for exactly
 * that domain. Anything else (fail, temperror, no From domain) is not aligned: nothing a forger controls.
 */
export async function authenticateSender(
  source: Buffer,
  facts: SenderFacts,
  lookup: DnsLookup,
): Promise<SenderAuthentication> {
  const result = await authenticate(source, {
    ip: facts.ip,
    helo: facts.helo,
    sender: facts.envelopeFrom,
    mta: 'rightsdesk-mailbox',
    resolver: lookup,
    disableArc: true,
    disableBimi: true,
  });
  const fromDomains = result.dkim.headerFrom.map((a) => a.split('@').pop()!.toLowerCase());
  const fromDomain = fromDomains.length === 1 ? fromDomains[0] : '';
  const spf = result.spf ? result.spf.status.result : 'none';
  const spfDomain = result.spf ? result.spf.domain.toLowerCase() : '';
  const dkimPasses = result.dkim.results
    .filter((r) => r.status.result === 'pass')
    .map((r) => (r.signingDomain ?? '').toLowerCase());
  // An unsigned mail still has one result ("none", no domain).
  const signatures = result.dkim.results.filter((r) => r.signingDomain);
  const dkim =
    signatures.length === 0 ? 'none' : signatures.map((r) => `${r.status.result} (${r.signingDomain})`).join(', ');
  const dmarc = result.dmarc ? result.dmarc.status.result : 'none';
  const aligned =
    fromDomain !== '' &&
    (dmarc === 'pass' ||
      (dmarc === 'none' && ((spf === 'pass' && spfDomain === fromDomain) || dkimPasses.includes(fromDomain))));
  return { spf, dkim, dmarc, fromDomain, aligned };
}

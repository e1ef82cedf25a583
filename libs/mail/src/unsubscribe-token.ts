import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who an unsubscribe link is for: an organisation's mail to one address. */
export interface UnsubscribeSubject {
  organisationId: string;
  email: string;
}

const PURPOSE = 'unsubscribe:email';

/**
 * A link token that carries what it unsubscribes and an HMAC (APP_SECRET) over it, so the link needs no stored
 * row and cannot be altered to unsubscribe someone else: `<base64url(json)>.<base64url(hmac)>`.
 */
export function signUnsubscribeToken(subject: UnsubscribeSubject, secret: string): string {
  const body = Buffer.from(JSON.stringify({ o: subject.organisationId, e: subject.email, c: 'email' })).toString(
    'base64url',
  );
  return `${body}.${mac(body, secret)}`;
}

/** The subject of a genuine token; null for anything altered, truncated or made up. */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeSubject | null {
  const match = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, body, given] = match;
  const expected = Buffer.from(mac(body, secret));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
    o?: unknown;
    e?: unknown;
    c?: unknown;
  };
  if (typeof parsed.o !== 'string' || typeof parsed.e !== 'string' || parsed.c !== 'email') return null;
  return { organisationId: parsed.o, email: parsed.e };
}

/**
 * RFC 2369 List-Unsubscribe with the RFC 8058 one-click signal: mail clients POST `List-Unsubscribe=One-Click` to
 * the https link, with no cookies or login, and the unsubscribe happens then.
 */
export function listUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${body}`).digest('base64url');
}

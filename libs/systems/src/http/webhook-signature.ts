import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a signed call, both ways: Rightsdesk to a service, and a service's callback to Rightsdesk. */
export const TIMESTAMP_HEADER = 'rightsdesk-timestamp';
export const SIGNATURE_HEADER = 'rightsdesk-signature';

/** How far a signed call's timestamp may be from our clock, either way, before it is refused as replayed or forged. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

const SCHEME = 'v1';
const SIGNATURE = /^v1=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

export type SignatureProblem = 'missing' | 'malformed' | 'out_of_window' | 'mismatch';

/** HMAC-SHA256 over `<unix seconds>.<raw body>`, keyed by the system's shared secret. */
function mac(secret: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The two headers that sign a body at `now`. */
export function signatureHeaders(secret: string, body: Buffer, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `${SCHEME}=${mac(secret, timestamp, body).toString('hex')}`,
  };
}

/**
 * Checks a signed body: both headers present and well formed, the timestamp within the window of `now`, and the
 * signature the secret gives, compared in constant time. Nothing of the body is read before it passes.
 */
export function checkSignature(
  secret: string,
  headers: { timestamp?: string | string[]; signature?: string | string[] },
  body: Buffer,
  now: Date,
): { ok: true } | { ok: false; problem: SignatureProblem } {
  const { timestamp, signature } = headers;
  if (timestamp === undefined || signature === undefined) return { ok: false, problem: 'missing' };
  const given = typeof signature === 'string' ? SIGNATURE.exec(signature) : null;
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp) || !given) return { ok: false, problem: 'malformed' };
  if (Math.abs(Number(timestamp) - now.getTime() / 1000) > SIGNATURE_WINDOW_SECONDS)
    return { ok: false, problem: 'out_of_window' };
  if (!timingSafeEqual(mac(secret, timestamp, body), Buffer.from(given[1], 'hex')))
    return { ok: false, problem: 'mismatch' };
  return { ok: true };
}

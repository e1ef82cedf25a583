import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as the body parser gives them: a repeated name comes as an array. */
export type WebhookParams = Record<string, string | string[] | undefined>;

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1, keyed by the shared secret, over the full URL Twilio called
 * followed by every POST parameter as name + value, sorted by name (values of a repeated name in order).
 */
export function twilioSignature(secret: string, url: string, params: WebhookParams): string {
  const data = Object.keys(params)
    .sort()
    .flatMap((name) => {
      const value = params[name];
      const values = value === undefined ? [] : Array.isArray(value) ? [...value].sort() : [value];
      return values.map((v) => `${name}${v}`);
    })
    .join('');
  return createHmac('sha1', secret)
    .update(url + data)
    .digest('base64');
}

/** Constant-time check of the header against the signature we compute; a missing header never passes. */
export function validTwilioSignature(
  secret: string,
  url: string,
  params: WebhookParams,
  header: string | undefined,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(twilioSignature(secret, url, params));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

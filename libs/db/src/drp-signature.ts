import { createPublicKey, type KeyObject, verify } from 'node:crypto';

// libsodium crypto_sign "combined mode": the 64-byte Ed25519 signature, then the message (DRP 0.9.4 §3.07.1).
const SIGNATURE_BYTES = 64;
const PUBLIC_KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type OpenedMessage =
  | { ok: true; message: unknown; signature: Buffer }
  | { ok: false; problem: 'not_base64' | 'bad_signature' | 'not_json' };

/** An agent's verify key (§3.05.1: base64 of the 32-byte Ed25519 public key) as a Node key; undefined when malformed. */
export function verifyKeyFrom(base64: string): KeyObject | undefined {
  if (!BASE64.test(base64) || base64.length % 4 !== 0) return undefined;
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== PUBLIC_KEY_BYTES) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/**
 * Opens a signed DRP body in §3.07's order: base64 to bytes, the signature against the agent's key, and only
 * then the JSON it signs. Nothing of an unverified message is read.
 */
export function openSignedMessage(body: string, key: KeyObject): OpenedMessage {
  const text = body.trim();
  if (!BASE64.test(text) || text.length % 4 !== 0) return { ok: false, problem: 'not_base64' };
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length <= SIGNATURE_BYTES) return { ok: false, problem: 'bad_signature' };
  const signature = bytes.subarray(0, SIGNATURE_BYTES);
  const signed = bytes.subarray(SIGNATURE_BYTES);
  if (!verify(null, signed, key, signature)) return { ok: false, problem: 'bad_signature' };
  try {
    return { ok: true, message: JSON.parse(signed.toString('utf8')) as unknown, signature: Buffer.from(signature) };
  } catch {
    return { ok: false, problem: 'not_json' };
  }
}

import { generateKeyPairSync, sign } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { openSignedMessage, verifyKeyFrom } from './drp-signature.js';

// An agent's side, as libsodium's crypto_sign does it: signature first, then the message, base64 encoded.
function agentKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const verifyKey = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const signed = (message: string | Buffer) => {
    const bytes = Buffer.isBuffer(message) ? message : Buffer.from(message);
    return Buffer.concat([sign(null, bytes, privateKey), bytes]).toString('base64');
  };
  return { verifyKey, signed };
}

describe('verifyKeyFrom', () => {
  it('reads a base64 32-byte Ed25519 public key', () => {
    expect(verifyKeyFrom(agentKeys().verifyKey)?.asymmetricKeyType).toBe('ed25519');
  });

  it.each([
    ['hex instead of base64', 'ab'.repeat(32)],
    ['too short', Buffer.alloc(31).toString('base64')],
    ['not base64', 'not a key!'],
  ])('refuses a key that is %s', (_, key) => {
    expect(verifyKeyFrom(key)).toBeUndefined();
  });
});

describe('openSignedMessage (§3.07)', () => {
  const agent = agentKeys();
  const key = verifyKeyFrom(agent.verifyKey)!;
  const message = { 'agent-id': 'AGENT_A', exercise: 'deletion', name: 'Zoë Ünal' };

  it('returns the JSON a valid signature covers, and the signature', () => {
    const opened = openSignedMessage(agent.signed(JSON.stringify(message)), key);
    expect(opened.ok && opened.message).toEqual(message);
    expect(opened.ok && opened.signature.length).toBe(64);
  });

  it('accepts the body with surrounding whitespace (a trailing newline)', () => {
    expect(openSignedMessage(`${agent.signed(JSON.stringify(message))}\n`, key).ok).toBe(true);
  });

  it('refuses a message signed by another key', () => {
    const other = agentKeys();
    expect(openSignedMessage(other.signed(JSON.stringify(message)), key)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('refuses a message changed after signing', () => {
    const bytes = Buffer.from(agent.signed(JSON.stringify(message)), 'base64');
    bytes[bytes.length - 3] ^= 1;
    expect(openSignedMessage(bytes.toString('base64'), key)).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('refuses an unsigned JSON body and a body too short to hold a signature', () => {
    expect(openSignedMessage(Buffer.from(JSON.stringify(message)).toString('base64'), key)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    expect(openSignedMessage(Buffer.alloc(64).toString('base64'), key)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('refuses a body that is not base64 before looking at any signature', () => {
    expect(openSignedMessage(JSON.stringify(message), key)).toEqual({ ok: false, problem: 'not_base64' });
    expect(openSignedMessage('', key)).toEqual({ ok: false, problem: 'not_base64' });
  });

  it('tells a correctly signed body that is not JSON apart', () => {
    expect(openSignedMessage(agent.signed('{"agent-id": '), key)).toEqual({ ok: false, problem: 'not_json' });
  });
});

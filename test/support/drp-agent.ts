import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

const VERSION = '0.9.4';

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
}

/**
 * A scripted authorised agent, written from the DRP 0.9.4 text: an Ed25519 key pair, messages signed in
 * libsodium's combined mode (signature, then the JSON) and base64 encoded, sent as text/plain with the
 * pair-wise bearer token.
 */
export class ScriptedAgent {
  readonly verifyKey: string;
  private readonly privateKey: KeyObject;
  readonly tokens = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    readonly id: string,
  ) {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.verifyKey = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  }

  signed(message: unknown): string {
    const bytes = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message));
    return Buffer.concat([sign(null, bytes, this.privateKey), bytes]).toString('base64');
  }

  /** The claims every message carries: who sends it, to whom, valid for ten minutes from a second ago. */
  envelope(slug: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Date.now();
    return {
      'agent-id': this.id,
      'business-id': slug.toUpperCase().replace(/-/g, '_'),
      'issued-at': new Date(now - 1_000).toISOString(),
      'expires-at': new Date(now + 600_000).toISOString(),
      'drp.version': VERSION,
      ...extra,
    };
  }

  async call(
    method: string,
    path: string,
    options: { body?: string; token?: string | null; contentType?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'text/plain';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: options.body });
    const text = await response.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      json = null;
    }
    return { status: response.status, text, json };
  }

  async pairwiseSetup(slug: string, message: unknown = this.envelope(slug), agentInUrl = this.id): Promise<Answer> {
    const answer = await this.call('POST', `/drp/${slug}/v1/agent/${agentInUrl}`, { body: this.signed(message) });
    if (answer.status === 200) this.tokens.set(slug, String(answer.json!.token));
    return answer;
  }

  exercise(slug: string, claims: Record<string, unknown>, token = this.tokens.get(slug)): Promise<Answer> {
    return this.call('POST', `/drp/${slug}/v1/data-rights-request`, {
      body: this.signed({ ...this.envelope(slug), ...claims }),
      token,
    });
  }

  status(slug: string, requestId: string, token = this.tokens.get(slug)): Promise<Answer> {
    return this.call('GET', `/drp/${slug}/v1/data-rights-request/${requestId}`, { token });
  }

  /** §2.04's `reason`, with the envelope and the `request_id` (the status object's spelling) the business asks for. */
  revoke(
    slug: string,
    requestId: string,
    reason = 'I changed my mind',
    token = this.tokens.get(slug),
  ): Promise<Answer> {
    const body = this.signed(this.envelope(slug, { request_id: requestId, reason }));
    return this.call('DELETE', `/drp/${slug}/v1/data-rights-request/${requestId}`, { body, token });
  }
}

/** A fresh agent id of [A-Z_]+ per run, so runs sharing a database do not collide. */
export function agentId(label: string): string {
  const letters = [...randomBytes(8)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${label}_${letters}`;
}

export const person = (email: string) => ({
  name: 'Grace Hopper',
  email,
  email_verified: true,
  phone_number: '+14155550100',
});

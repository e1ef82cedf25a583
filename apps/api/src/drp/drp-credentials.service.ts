import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import { DrpAgent, DrpAgentToken, DrpSignedMessage } from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';
import { DrpError } from './drp-error.js';

// The spec sets no lifetime; a token that never expires would outlive a revoked directory entry's reach.
export const DRP_TOKEN_DAYS = 30;
const DAY_MS = 86_400_000;
const UNIQUE_VIOLATION = '23505';

const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest();

/** Signed message digests already acted on; a second use is a replay. */
export class ReplayedMessage extends Error {}

/** Agents from the registry, their pair-wise bearer tokens (DRP 0.9.4 §2.05, §3.07), and the replay guard. */
@Injectable()
export class DrpCredentials {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  agent(id: string): Promise<DrpAgent | null> {
    return this.dataSource.getRepository(DrpAgent).findOneBy({ id });
  }

  /** A new token for the agent at the organisation, replacing the previous one; the message it answers is spent. */
  async issueToken(
    agentId: string,
    organisationId: string,
    signature: Buffer,
    messageExpiresAt: Date,
    now: Date,
  ): Promise<string> {
    // §2.05.1: "a cryptographically secure source"; 32 bytes, only their hash kept.
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (tx) => {
      await spendMessage(tx, signature, messageExpiresAt, now);
      await tx.upsert(
        DrpAgentToken,
        {
          agentId,
          organisationId,
          tokenHash: sha256(token),
          issuedAt: now,
          expiresAt: new Date(now.getTime() + DRP_TOKEN_DAYS * DAY_MS),
        },
        ['agentId', 'organisationId'],
      );
    });
    return token;
  }

  /**
   * The agent a request's bearer token stands for at this organisation. A token of another organisation is as
   * unknown here as a made-up one: each is for one agent–business pair (§2.05).
   */
  async authenticate(authorization: string | undefined, organisationId: string, now: Date): Promise<DrpAgent> {
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization ?? '');
    if (!match)
      throw new DrpError(401, 'Present the bearer token from POST /v1/agent/{agent-id} in the Authorization header.');
    const row = await this.dataSource
      .getRepository(DrpAgentToken)
      .findOne({ where: { tokenHash: sha256(match[1]) }, relations: { agent: true } });
    if (!row || row.organisationId !== organisationId || !row.agent)
      throw new DrpError(401, 'The bearer token is not valid for this business.');
    if (row.expiresAt <= now) throw new DrpError(401, 'The bearer token has expired: repeat the pair-wise key setup.');
    return row.agent;
  }
}

/**
 * Records a signed message as acted on, in the caller's transaction, and forgets the expired ones: after its
 * `expires-at` a message is refused as expired anyway.
 */
export async function spendMessage(tx: EntityManager, signature: Buffer, expiresAt: Date, now: Date): Promise<void> {
  await tx.createQueryBuilder().delete().from(DrpSignedMessage).where('expires_at < :now', { now }).execute();
  try {
    await tx.insert(DrpSignedMessage, { digest: sha256(signature).toString('hex'), expiresAt });
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ReplayedMessage();
    throw error;
  }
}

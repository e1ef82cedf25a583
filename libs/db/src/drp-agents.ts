import type { DataSource } from 'typeorm';

import { DRP_AGENT_ID } from '#workflow';

import { verifyKeyFrom } from './drp-signature.js';
import { DrpAgent } from './entities/drp-agent.entity.js';

/**
 * Adds an authorised agent to the registry, or updates its name and key (a key rotation), from its DRP directory
 * entry (0.9.4 §3.05.1). Throws with the reason when the id or key is malformed.
 */
export async function registerDrpAgent(
  dataSource: DataSource,
  entry: { id: string; name: string; verifyKey: string },
): Promise<'added' | 'updated'> {
  if (!DRP_AGENT_ID.test(entry.id)) throw new Error(`agent id "${entry.id}" must match [A-Z_]+ (DRP §3.05.1)`);
  if (!entry.name.trim()) throw new Error('the agent needs a name');
  if (!verifyKeyFrom(entry.verifyKey))
    throw new Error('the verify key must be the base64 of a 32-byte Ed25519 public key (DRP §3.05.1)');
  const repository = dataSource.getRepository(DrpAgent);
  const existed = await repository.existsBy({ id: entry.id });
  await repository.upsert({ id: entry.id, name: entry.name.trim(), verifyKey: entry.verifyKey }, ['id']);
  return existed ? 'updated' : 'added';
}

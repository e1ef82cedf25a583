import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { SuppressionApiKey } from '#db';

import { DATA_SOURCE } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';
import { newApiKey } from './api-key.guard.js';

/** An organisation's keys for the suppression API: only their hashes are kept; the key itself is shown once. */
@Injectable()
export class ApiKeysService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  list(organisationId: string): Promise<SuppressionApiKey[]> {
    return this.dataSource
      .getRepository(SuppressionApiKey)
      .find({ where: { organisationId }, order: { createdAt: 'DESC' } });
  }

  /** The new key, for the one page that shows it. */
  async create(organisationId: string, label: string, createdBy: string): Promise<string> {
    const { key, keyHash, keyPrefix } = newApiKey();
    await this.dataSource
      .getRepository(SuppressionApiKey)
      .insert({ organisationId, label, keyHash, keyPrefix, createdBy });
    return key;
  }

  /** Revoking a revoked key changes nothing; another organisation's key is as unknown as a made-up one. */
  async revoke(organisationId: string, keyId: string, now: Date): Promise<void> {
    const keys = this.dataSource.getRepository(SuppressionApiKey);
    const key = isUuid(keyId) ? await keys.findOneBy({ id: keyId, organisationId }) : null;
    if (!key) throw new NotFoundException('There is no such key here.');
    if (!key.revokedAt) await keys.update({ id: key.id, organisationId }, { revokedAt: now });
  }
}

import { describe, expect, it } from '@jest/globals';
import { getMetadataArgsStorage } from 'typeorm';

import { OPEN_STATUSES } from '#workflow';

import { DataSubjectRequest } from './data-subject-request.entity.js';

describe('DataSubjectRequest indexes', () => {
  // The queue filters open requests with `status IN (<OPEN_STATUSES in order>)`; PostgreSQL uses the partial
  // index only when that condition matches its predicate.
  it('the open-queue index covers exactly OPEN_STATUSES, in their order', () => {
    const index = getMetadataArgsStorage().indices.find(
      (i) => i.target === DataSubjectRequest && i.name === 'ix_request_org_open_due',
    );
    expect(index?.where).toBe(`status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  });
});

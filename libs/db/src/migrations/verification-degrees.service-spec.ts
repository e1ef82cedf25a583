import { describe, expect, it } from '@jest/globals';

import { findRight, type OrganisationPolicy } from '#policy';

import { useServiceDatabase } from '../../../../test/support/service-database.js';
import { DataSubjectRequest } from '../entities/data-subject-request.entity.js';
import { PolicyVersion } from '../entities/policy-version.entity.js';
import { insertRequest } from '../new-request.js';
import { VerificationDegrees1796535500000 } from './1796535500000-verification-degrees.migration.js';

describe("the 'identity' verification level becoming 'reasonable' (real PostgreSQL)", () => {
  const db = useServiceDatabase();

  it('holds requests and stored policies asked for identity to a reasonable degree, with data points to match', async () => {
    const context = await db.organisation('west-schoolmessenger');
    const request = await db.dataSource.transaction((tx) =>
      insertRequest(tx, context, {
        right: findRight(context.policy, 'access')!,
        requester: { name: 'Ada Example', email: 'ada@example.org', phone: null, relationship: 'self', details: '' },
        channel: 'web',
        receivedAt: new Date('2031-03-03T15:00:00Z'),
      }),
    );
    // As the rows stood before: the request and the policy version it was made under, in the old vocabulary.
    await db.dataSource.query(
      `UPDATE data_subject_request SET verification_required = 'identity', verification_reached = 'identity'
        WHERE id = $1`,
      [request.id],
    );
    await db.dataSource.query(
      `UPDATE policy_version
          SET document = replace(document::text, '"verification": "reasonable"', '"verification": "identity"')::jsonb
            #- '{settings,verificationDataPoints}'
        WHERE id = $1`,
      [context.policyVersion.id],
    );

    const runner = db.dataSource.createQueryRunner();
    try {
      await new VerificationDegrees1796535500000().up(runner);
    } finally {
      await runner.release();
    }

    const after = await db.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: request.id });
    expect([after.verificationRequired, after.verificationReached]).toEqual(['reasonable', 'reasonable']);
    const { document } = await db.dataSource.getRepository(PolicyVersion).findOneByOrFail({
      id: context.policyVersion.id,
    });
    const degrees = (document as OrganisationPolicy).rights.map((r) => [r.id, r.verification]);
    expect(degrees).toEqual(context.policy.rights.map((r) => [r.id, r.verification]));
    expect(document.settings.verificationDataPoints).toEqual(['phone', 'postal_address']);
    expect(document.settings.verificationLinkDays).toBe(context.policy.settings.verificationLinkDays);
  });
});

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { REGIMES, REQUEST_TYPES, VERIFICATION_LEVELS } from '#policy';

import { meetsVerification } from './identity-check.js';
import { optOutOffered, shortfallPath } from './verification-shortfall.js';

const CCPA_RIGHTS = [
  { id: 'ccpa-know', type: 'access', regime: 'ccpa' },
  { id: 'ccpa-categories', type: 'categories', regime: 'ccpa' },
  { id: 'ccpa-deletion', type: 'deletion', regime: 'ccpa' },
  { id: 'do-not-sell', type: 'opt_out_sale_share', regime: 'ccpa' },
] as const;

const short = (over: Partial<Parameters<typeof shortfallPath>[0]>) =>
  shortfallPath({
    regime: 'ccpa',
    requestType: 'access',
    required: 'high',
    reached: 'email',
    consulted: true,
    rights: CCPA_RIGHTS,
    ...over,
  });

describe('what follows a records match that fell short', () => {
  it('answers a request for specific pieces verified to a reasonable degree as one for categories', () => {
    expect(short({ reached: 'reasonable' })).toEqual({ kind: 'answer_as_categories', rightId: 'ccpa-categories' });
  });

  it('denies a request for specific pieces verified by email only', () => {
    expect(short({ reached: 'email' })).toEqual({ kind: 'deny', offerOptOut: false });
  });

  it('denies it when there is no categories right to answer it as', () => {
    const rights = CCPA_RIGHTS.filter((r) => r.type !== 'categories');
    expect(short({ reached: 'reasonable', rights })).toEqual({ kind: 'deny', offerOptOut: false });
  });

  it('denies an unverified deletion and offers the sale/share opt-out where the organisation has one', () => {
    const deletion = { requestType: 'deletion' as const, required: 'reasonable' as const };
    expect(short(deletion)).toEqual({ kind: 'deny', offerOptOut: true });
    const rights = CCPA_RIGHTS.filter((r) => r.type !== 'opt_out_sale_share');
    expect(short({ ...deletion, rights })).toEqual({ kind: 'deny', offerOptOut: false });
  });

  it('leaves GDPR requests and requests with no system consulted to staff', () => {
    expect(short({ regime: 'uk_gdpr' })).toEqual({ kind: 'staff' });
    expect(short({ regime: 'gdpr', requestType: 'deletion', required: 'reasonable' })).toEqual({ kind: 'staff' });
    expect(short({ consulted: false })).toEqual({ kind: 'staff' });
  });

  it('does nothing once the degree is met, and never denies a request that met it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIMES),
        fc.constantFrom(...REQUEST_TYPES),
        fc.constantFrom(...VERIFICATION_LEVELS),
        fc.constantFrom(...VERIFICATION_LEVELS),
        fc.boolean(),
        (regime, requestType, required, reached, consulted) => {
          const path = short({ regime, requestType, required, reached, consulted });
          expect(path.kind === 'met').toBe(meetsVerification(required, reached));
          if (path.kind === 'answer_as_categories') expect(requestType).toBe('access');
          if (path.kind === 'deny' || path.kind === 'answer_as_categories')
            expect([regime, consulted]).toEqual([expect.stringMatching(/^(ccpa|us_state)$/), true]);
        },
      ),
    );
  });
});

describe('the opt-out a denied deletion offers', () => {
  const denied = {
    status: 'denied',
    requestType: 'deletion',
    regime: 'ccpa',
    denialReason: 'identity_not_verified',
  } as const;

  it('is the sale/share right of the same regime, for a deletion denied as unverified only', () => {
    expect(optOutOffered(denied, CCPA_RIGHTS)?.id).toBe('do-not-sell');
    expect(optOutOffered({ ...denied, denialReason: 'statutory_exemption' }, CCPA_RIGHTS)).toBeUndefined();
    expect(optOutOffered({ ...denied, status: 'in_progress' }, CCPA_RIGHTS)).toBeUndefined();
    expect(optOutOffered({ ...denied, requestType: 'access' }, CCPA_RIGHTS)).toBeUndefined();
    expect(optOutOffered({ ...denied, regime: 'gdpr' }, CCPA_RIGHTS)).toBeUndefined();
    expect(
      optOutOffered(
        denied,
        CCPA_RIGHTS.filter((r) => r.type !== 'opt_out_sale_share'),
      ),
    ).toBeUndefined();
  });
});

import { describe, expect, it } from '@jest/globals';

import { loadPolicies } from '#policy';

import { privacyAddresses } from './privacy-addresses.js';

describe('privacyAddresses', () => {
  it("takes each seeded policy's privacy email and email channels, lower-cased, once each", () => {
    const bySlug = Object.fromEntries(
      loadPolicies('seeds').map(({ policy }) => [policy.slug, privacyAddresses(policy)]),
    );
    expect(bySlug).toEqual({
      officertrak: ['support@officertrak.com'],
      prontotrak: ['privacy@prontotrak.com'],
      'securus-software': ['admin@securus-software.com'],
      // Its policy gives a phone number and a web form, no address to write to.
      'securus-technologies': [],
      'west-schoolmessenger': ['privacy@west.com'],
    });
  });
});

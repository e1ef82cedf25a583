import { describe, expect, it } from '@jest/globals';

import type { ProcessorRedirect, Regime } from '#policy';

import { agentRegistrationRequired, dataContextDecision, OWN_DATA } from './intake-decision.js';

const school: ProcessorRedirect = {
  services: 'School services',
  controller: 'Your school.',
  citation: { quote: 'q1' },
};
const events: ProcessorRedirect = { services: 'Event services', controller: 'The host.', citation: { quote: 'q2' } };

describe('dataContextDecision', () => {
  it('needs no answer where the organisation processes nothing for others, and ignores one given', () => {
    expect(dataContextDecision([], undefined)).toEqual({ ok: true, redirect: null });
    expect(dataContextDecision([], 'School services')).toEqual({ ok: true, redirect: null });
  });

  it("keeps the requester's own relationship with the organisation", () => {
    expect(dataContextDecision([school, events], OWN_DATA)).toEqual({ ok: true, redirect: null });
  });

  it('redirects to the controller of the services chosen', () => {
    expect(dataContextDecision([school, events], 'School services')).toEqual({ ok: true, redirect: school });
    expect(dataContextDecision([school, events], 'Event services')).toEqual({ ok: true, redirect: events });
  });

  it.each([[undefined], [''], ['Other services'], [['School services']], [0]])(
    'refuses a missing or unknown answer (%p)',
    (answer) => {
      expect(dataContextDecision([school, events], answer)).toEqual({ ok: false });
    },
  );
});

describe('agentRegistrationRequired', () => {
  const regimes: Regime[] = ['ccpa', 'us_state', 'gdpr', 'uk_gdpr', 'can_spam', 'fcc_tcpa', 'none'];

  it.each(regimes)('is always required where the policy requires registration (%s)', (regime) => {
    for (const agentIsBusiness of [true, false]) {
      expect(agentRegistrationRequired({ policyRequiresRegistration: true, agentIsBusiness, regime })).toBe(true);
    }
  });

  it('is required of a business acting on a CCPA request, not of a natural person', () => {
    expect(
      agentRegistrationRequired({ policyRequiresRegistration: false, agentIsBusiness: true, regime: 'ccpa' }),
    ).toBe(true);
    expect(
      agentRegistrationRequired({ policyRequiresRegistration: false, agentIsBusiness: false, regime: 'ccpa' }),
    ).toBe(false);
  });

  it.each(regimes.filter((r) => r !== 'ccpa'))(
    'is not required of a business under %s without a policy rule',
    (regime) => {
      expect(agentRegistrationRequired({ policyRequiresRegistration: false, agentIsBusiness: true, regime })).toBe(
        false,
      );
    },
  );
});

import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';

import { loadPolicies } from './policy.loader.js';
import type { OrganisationPolicy } from './policy.model.js';
import {
  agentRegistrationRule,
  deadlineFor,
  findRight,
  internalTargetDaysFor,
  processorRedirects,
  rightsOffered,
} from './policy.queries.js';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
const policies = new Map(loadPolicies(seedsDir).map(({ policy }) => [policy.slug, policy]));
const policy = (slug: string): OrganisationPolicy => policies.get(slug)!;

describe('policy queries', () => {
  it('finds a right by id', () => {
    expect(findRight(policy('securus-technologies'), 'ccpa-know')?.type).toBe('access');
    expect(findRight(policy('securus-technologies'), 'delete')).toBeUndefined();
  });

  it('offers every right on the web form except SMS STOP opt-outs', () => {
    const securus = policy('securus-technologies');
    expect(rightsOffered(securus).map((r) => r.id)).toEqual(
      securus.rights.map((r) => r.id).filter((id) => id !== 'text-opt-out'),
    );
    expect(rightsOffered(policy('prontotrak'))).toEqual(policy('prontotrak').rights);
  });

  it('finds the rule that agents must be registered with the California Secretary of State only where the policy states it', () => {
    expect(agentRegistrationRule(policy('prontotrak'))?.citation.quote).toContain(
      'registered with the California Secretary of State',
    );
    for (const slug of ['officertrak', 'securus-software', 'securus-technologies', 'west-schoolmessenger']) {
      expect(agentRegistrationRule(policy(slug))).toBeUndefined();
    }
  });

  it('gives the controller to approach for services run as a processor', () => {
    expect(processorRedirects(policy('west-schoolmessenger')).map((r) => r.services)).toEqual([
      'SchoolMessenger school communication services',
      'Unified Communications, webcasting and virtual event services',
    ]);
    expect(processorRedirects(policy('securus-software'))).toHaveLength(1);
    expect(processorRedirects(policy('officertrak'))).toEqual([]);
  });

  it("finds the policy's own deadline statement for a right", () => {
    expect(deadlineFor(policy('securus-technologies'), 'ccpa-categories')).toMatchObject({
      kind: 'legal',
      days: 45,
      extensionDays: 45,
    });
    expect(deadlineFor(policy('prontotrak'), 'restriction')?.kind).toBe('internal_target');
    expect(deadlineFor(policy('prontotrak'), 'ccpa-deletion')).toBeUndefined();
  });

  describe('internalTargetDaysFor', () => {
    it('gives regime none rights the organisation target', () => {
      expect(internalTargetDaysFor(policy('securus-technologies'), 'correction')).toBe(30);
      expect(internalTargetDaysFor(policy('officertrak'), 'deletion')).toBe(30);
      expect(internalTargetDaysFor(policy('prontotrak'), 'third-party-marketing-opt-out')).toBe(30);
    });

    it('leaves rights under a law to that law', () => {
      expect(internalTargetDaysFor(policy('securus-technologies'), 'ccpa-know')).toBeUndefined();
      expect(internalTargetDaysFor(policy('prontotrak'), 'marketing-email-opt-out')).toBeUndefined();
      expect(internalTargetDaysFor(policy('west-schoolmessenger'), 'deletion')).toBeUndefined();
      expect(internalTargetDaysFor(policy('securus-software'), 'access')).toBeUndefined();
    });

    it('prefers the days an internal-target statement gives', () => {
      const base = policy('prontotrak');
      const stated: OrganisationPolicy = {
        ...base,
        deadlines: base.deadlines.map((d) => (d.rights.includes('access') ? { ...d, days: 14 } : d)),
      };
      expect(internalTargetDaysFor(stated, 'access')).toBe(14);
      expect(internalTargetDaysFor(stated, 'third-party-marketing-opt-out')).toBe(30);
    });

    it('has no target for an unknown right', () => {
      expect(internalTargetDaysFor(policy('prontotrak'), 'nope')).toBeUndefined();
    });
  });
});

import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';

import {
  acceptsAgents,
  asksDataPoints,
  asksDeclaration,
  asksResidence,
  dataPointsAsked,
  formChoices,
  needsDeclaration,
  rightChosen,
  senderAddressRule,
} from './form-choices.js';
import { loadPolicies } from './policy.loader.js';
import type { OrganisationPolicy } from './policy.model.js';
import { findRight } from './policy.queries.js';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
const policies = new Map(loadPolicies(seedsDir).map(({ policy }) => [policy.slug, policy]));
const policy = (slug: string): OrganisationPolicy => policies.get(slug)!;

describe('form choices', () => {
  it("merges ProntoTrak's two deletions, two copies and two sale opt-outs into one choice each, decided by residence", () => {
    const prontotrak = policy('prontotrak');
    const choices = formChoices(prontotrak).map((c) => [c.right.id, c.californian?.id]);
    expect(choices).toEqual([
      ['ccpa-categories', undefined],
      ['access', 'ccpa-copy'],
      ['deletion', 'ccpa-deletion'],
      ['correction', undefined],
      ['restriction', undefined],
      ['marketing-email-opt-out', undefined],
      ['third-party-marketing-opt-out', 'ccpa-sale-share-opt-out'],
    ]);
    expect(asksResidence(prontotrak)).toBe(true);
    expect(rightChosen(prontotrak, 'deletion', 'california')?.id).toBe('ccpa-deletion');
    expect(rightChosen(prontotrak, 'deletion', 'elsewhere')?.id).toBe('deletion');
    expect(rightChosen(prontotrak, 'third-party-marketing-opt-out', 'california')?.id).toBe('ccpa-sale-share-opt-out');
    expect(rightChosen(prontotrak, 'deletion', undefined)).toBeNull();
    expect(rightChosen(prontotrak, 'ccpa-deletion', undefined)?.id).toBe('ccpa-deletion');
    expect(rightChosen(prontotrak, 'correction', undefined)?.id).toBe('correction');
    expect(rightChosen(prontotrak, 'no-such-right', 'california')).toBeUndefined();
  });

  it('asks no residence where no right is granted twice', () => {
    for (const slug of ['officertrak', 'securus-software', 'securus-technologies', 'west-schoolmessenger']) {
      expect(asksResidence(policy(slug))).toBe(false);
      expect(formChoices(policy(slug)).every((c) => c.californian === undefined)).toBe(true);
    }
  });

  it('takes agents only where the policy names them or grants a CCPA right', () => {
    expect(acceptsAgents(policy('prontotrak'))).toBe(true);
    expect(acceptsAgents(policy('securus-technologies'))).toBe(true);
    for (const slug of ['officertrak', 'securus-software', 'west-schoolmessenger'])
      expect(acceptsAgents(policy(slug))).toBe(false);
  });

  it("finds ProntoTrak's rule that a request covers only the address it comes from", () => {
    expect(senderAddressRule(policy('prontotrak'))?.citation.quote).toContain(
      'particular email address that you use to send us your request',
    );
    expect(senderAddressRule(policy('securus-technologies'))).toBeUndefined();
  });

  it('asks the data points the organisation can match only for rights that need them, and the declaration only for a high degree', () => {
    const securus = policy('securus-technologies');
    const know = findRight(securus, 'ccpa-know')!;
    expect(dataPointsAsked(securus, know)).toEqual(['phone', 'postal_address', 'date_of_birth', 'last_order_date']);
    expect(needsDeclaration(know)).toBe(true);
    expect(dataPointsAsked(securus, findRight(securus, 'ccpa-categories')!)).toHaveLength(4);
    expect(needsDeclaration(findRight(securus, 'ccpa-categories')!)).toBe(false);
    expect(dataPointsAsked(securus, findRight(securus, 'marketing-email-opt-out')!)).toEqual([]);
    expect([asksDataPoints(securus), asksDeclaration(securus)]).toEqual([true, true]);
    // ProntoTrak holds nothing to a high degree; OfficerTRAK asks only for the email address.
    expect([asksDataPoints(policy('prontotrak')), asksDeclaration(policy('prontotrak'))]).toEqual([true, false]);
    expect([asksDataPoints(policy('officertrak')), asksDeclaration(policy('officertrak'))]).toEqual([false, false]);
  });
});

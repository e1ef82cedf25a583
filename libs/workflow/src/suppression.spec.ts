import { describe, expect, it } from '@jest/globals';

import { type Regime, REQUEST_TYPES, type RequestType } from '#policy';

import {
  gpcDecision,
  type GpcPolicyFacts,
  normaliseEmail,
  normalisePhone,
  optOutTypeFor,
  parseSmsKeyword,
  SUPPRESSION_CHANNELS,
  suppressionChannelFor,
} from './suppression.js';

describe('suppressionChannelFor', () => {
  it('maps exactly the three opt-outs to their channel and every other type to none', () => {
    const mapped = Object.fromEntries(REQUEST_TYPES.map((t) => [t, suppressionChannelFor(t)]));
    expect(mapped).toEqual({
      access: null,
      categories: null,
      deletion: null,
      correction: null,
      portability: null,
      restriction: null,
      objection: null,
      automated_decision_objection: null,
      consent_withdrawal: null,
      limit_sensitive_use: null,
      opt_out_marketing_email: 'email',
      opt_out_marketing_sms: 'sms',
      opt_out_sale_share: 'sale_share',
    });
  });

  it('optOutTypeFor is its inverse on every channel', () => {
    for (const channel of SUPPRESSION_CHANNELS) expect(suppressionChannelFor(optOutTypeFor(channel))).toBe(channel);
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['Ann.Lee@Example.ORG', 'ann.lee@example.org'],
    ['  ann@example.org\t', 'ann@example.org'],
    ['a+news@mail.example.co.uk', 'a+news@mail.example.co.uk'],
  ])('%j → %j', (input, expected) => expect(normaliseEmail(input)).toBe(expected));

  it.each([
    '',
    'ann',
    'ann@',
    '@example.org',
    'ann@example',
    'ann lee@example.org',
    'a@b@c.org',
    `${'a'.repeat(320)}@x.org`,
  ])('refuses %j', (input) => expect(normaliseEmail(input)).toBeNull());
});

describe('normalisePhone', () => {
  it.each([
    ['+15550100123', '+15550100123'],
    ['+1 (555) 010-0123', '+15550100123'],
    ['555.010.0123', '+15550100123'],
    ['(555) 010 0123', '+15550100123'],
    ['1-555-010-0123', '+15550100123'],
    ['+44 20 7946 0000', '+442079460000'],
    ['0044 20 7946 0000', '+442079460000'],
  ])('%j → %j', (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each([
    '',
    'STOP',
    '12345',
    '+0 555 010 0123',
    '+1555010012345678',
    '020 7946 0000',
    '+1 555 010 012x',
    '2-555-010-0123',
  ])('refuses %j', (input) => expect(normalisePhone(input)).toBeNull());
});

describe('parseSmsKeyword', () => {
  const STOP_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPT OUT'];

  it.each(STOP_WORDS)('%s in any case, spacing and punctuation is stop', (word) => {
    for (const variant of [
      word,
      word.toLowerCase(),
      ` ${word} `,
      `${word}.`,
      `${word}!!`,
      `"${word}"`,
      `\n${word[0]}${word.slice(1).toLowerCase()}\n`,
    ]) {
      expect(parseSmsKeyword(variant)).toBe('stop');
    }
  });

  it.each(['opt-out', 'Opt  Out', 'OPTOUT', 'opt_out', 'Stop.', '¡STOP!'])('%j is stop', (body) =>
    expect(parseSmsKeyword(body)).toBe('stop'),
  );
  it.each(['START', 'start', ' Unstop! '])('%j is start', (body) => expect(parseSmsKeyword(body)).toBe('start'));
  it.each(['HELP', 'help?', 'Info'])('%j is help', (body) => expect(parseSmsKeyword(body)).toBe('help'));

  it.each(['', '   ', 'please stop', "don't stop", 'STOP STOP', 'stopp', 'hello', 'start now', 'the end', 'S T O P'])(
    '%j is no keyword: only a message that is the keyword acts',
    (body) => expect(parseSmsKeyword(body)).toBeNull(),
  );
});

describe('gpcDecision', () => {
  const right = (id: string, type: RequestType, regime: Regime = 'none') => ({ id, type, regime });
  const facts = (
    regimes: Regime[],
    ...rights: { id: string; type: RequestType; regime: Regime }[]
  ): GpcPolicyFacts => ({ regimes, rights });

  it('honours the signal under the CCPA where the policy gives a sale/share opt-out', () => {
    const voluntary = facts(
      ['ccpa', 'can_spam', 'none'],
      right('ccpa-deletion', 'deletion', 'ccpa'),
      right('third-party-marketing-opt-out', 'opt_out_sale_share'),
    );
    expect(gpcDecision(voluntary)).toEqual({ outcome: 'honoured', rightId: 'third-party-marketing-opt-out' });
  });

  it("files it as the law's opt-out where the policy has one, before a voluntary one listed first (ProntoTrak)", () => {
    const pronto = facts(
      ['ccpa', 'can_spam', 'none'],
      right('ccpa-deletion', 'deletion', 'ccpa'),
      right('third-party-marketing-opt-out', 'opt_out_sale_share'),
      right('ccpa-sale-share-opt-out', 'opt_out_sale_share', 'ccpa'),
    );
    expect(gpcDecision(pronto)).toEqual({ outcome: 'honoured', rightId: 'ccpa-sale-share-opt-out' });
  });

  it('honours it under a US state law too', () => {
    expect(gpcDecision(facts(['us_state'], right('sale', 'opt_out_sale_share', 'us_state')))).toEqual({
      outcome: 'honoured',
      rightId: 'sale',
    });
  });

  it('ignores it under the CCPA when the policy gives no sale/share right (Securus Technologies: "We do not sell")', () => {
    const securus = facts(
      ['ccpa', 'can_spam', 'fcc_tcpa', 'none'],
      right('ccpa-know', 'access'),
      right('text-opt-out', 'opt_out_marketing_sms'),
    );
    expect(gpcDecision(securus)).toEqual({ outcome: 'ignored', reason: 'no_sale_share_right' });
  });

  it.each<[string, Regime[]]>([
    ['GDPR (West)', ['gdpr', 'can_spam']],
    ['UK GDPR (Securus Software)', ['uk_gdpr', 'can_spam']],
    ['no law (OfficerTRAK)', ['none']],
  ])('ignores it under %s: no sale/share opt-out in the regime, even if a right were listed', (_, regimes) => {
    expect(gpcDecision(facts(regimes, right('x', 'opt_out_sale_share')))).toEqual({
      outcome: 'ignored',
      reason: 'no_sale_share_law',
    });
  });
});

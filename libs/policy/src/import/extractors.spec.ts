import { describe, expect, it } from '@jest/globals';

import { textBlocks } from './blocks.js';
import { extractChannels } from './channels.js';
import { extractDeadlines, limitIn } from './deadlines.js';
import type { DraftRight } from './draft.model.js';
import { extractRegimes } from './regimes.js';
import { splitSentences } from './sentences.js';
import { extractSpecialRules } from './special-rules.js';

// Sentences written for these tests in the manner of published privacy notices.
const sentencesOf = (text: string) => splitSentences(textBlocks(text)).sentences;
const right = (type: DraftRight['type'], regime: DraftRight['regime']): DraftRight => ({
  type,
  regime,
  label: type,
  citation: { quote: '', start: 0, end: 0 },
  confidence: 1,
});

describe('extractRegimes', () => {
  it.each([
    ['This section applies to California residents under the CCPA.', 'ccpa'],
    ['If you are in the EEA, the GDPR gives you the following rights.', 'gdpr'],
    ['Under the UK GDPR you may complain to the ICO.', 'uk_gdpr'],
    ['Virginia residents have rights under the Virginia Consumer Data Protection Act.', 'us_state'],
    ['Our emails comply with the CAN-SPAM Act.', 'can_spam'],
    ['Reply STOP to any text message to stop receiving them.', 'fcc_tcpa'],
  ])('%s → %s', (sentence, regime) => {
    expect(extractRegimes(sentencesOf(sentence)).map((r) => r.regime)).toContain(regime);
  });

  it('does not take a law the policy says does not apply', () => {
    expect(extractRegimes(sentencesOf('We are not covered by the CCPA.'))).toEqual([]);
  });
});

describe('extractDeadlines', () => {
  const rights = [right('access', 'ccpa'), right('deletion', 'ccpa'), right('opt_out_sale_share', 'ccpa')];
  const deadlinesIn = (text: string) => extractDeadlines(sentencesOf(text), ['ccpa'], rights);

  it('reads a stated period and its extension, as the law’s period', () => {
    const [d] = deadlinesIn(
      'We will respond to a verifiable request within 45 days, and may extend this by an additional 45 days.',
    );
    expect(d).toMatchObject({ kind: 'legal', days: 45, extensionDays: 45, rightTypes: ['access', 'deletion'] });
  });

  it('reads words for numbers and a shorter promise as an internal target', () => {
    const [d] = deadlinesIn('We respond to deletion requests within thirty (30) days.');
    expect(d).toMatchObject({ kind: 'internal_target', days: 30, rightTypes: ['deletion'] });
  });

  it('reads a promise without days as an internal target the reviewer must set', () => {
    const [d] = deadlinesIn('We will try to comply with your request as soon as reasonably practicable.');
    expect(d).toMatchObject({ kind: 'internal_target', wording: 'as soon as reasonably practicable' });
    expect(d.days).toBeUndefined();
    expect(d.reason).toMatch(/no number of days/);
  });

  it('ignores acknowledgements and periods that are not about answering requests', () => {
    expect(deadlinesIn('We will confirm receipt of your request within 10 business days.')).toEqual([]);
    expect(deadlinesIn('We keep logs for 90 days.')).toEqual([]);
  });

  it.each([
    ['You may make a request to know twice in a 12-month period.', 2, 12],
    ['Requests may be made no more than once per twelve-month period.', 1, 12],
  ])('limit: %s', (text, count, perMonths) => {
    expect(limitIn(sentencesOf(text)[0])).toMatchObject({ count, perMonths });
  });
});

describe('extractChannels', () => {
  const channelsIn = (text: string) => extractChannels(sentencesOf(text)).map((c) => [c.kind, c.value]);

  it.each([
    ['To exercise your rights, email privacy@acme.example.net.', 'email', 'privacy@acme.example.net'],
    ['To make a request, call us toll-free at 1-800-555-0199.', 'phone', '1-800-555-0199'],
    [
      'You may submit a request through our online form at https://acme.example.net/privacy-request.',
      'web_form',
      'https://acme.example.net/privacy-request',
    ],
    ['Reply STOP to any text message to opt out.', 'sms_stop', undefined],
    ['You can unsubscribe using the link at the bottom of every email.', 'email_unsubscribe', undefined],
  ])('%s', (text, kind, value) => {
    expect(channelsIn(text)).toContainEqual([kind, value]);
  });

  it('reads a postal address over several lines after "write to us"', () => {
    const text = ['To make a request, write to us at:', 'Acme Inc.', '100 Main Street', 'Springfield, CA 90210'].join(
      '\n',
    );
    expect(channelsIn(text)).toContainEqual(['post', '100 Main Street, Springfield, CA 90210']);
  });

  it('marks an address given without a word about requests as uncertain', () => {
    const [channel] = extractChannels(sentencesOf('Our sales team: sales@acme.example.net.'));
    expect(channel.confidence).toBeLessThan(0.8);
    expect(channel.reason).toBeDefined();
  });
});

describe('extractSpecialRules', () => {
  it.each([
    ['We do not knowingly collect personal information from children under the age of 13.', 'children'],
    ['We will not discriminate against you for exercising any of your rights.', 'non_discrimination'],
    ['We will need to verify your identity before we act on your request.', 'identity_verification'],
    ['An authorized agent must be registered with the California Secretary of State.', 'agent_registration_required'],
    [
      'Where we act as a service provider on behalf of our customers, please contact the customer directly.',
      'processor_redirect',
    ],
    ['You will not have to pay a fee to access your personal information.', 'free_of_charge'],
  ])('%s → %s', (text, kind) => {
    expect(extractSpecialRules(sentencesOf(text)).map((r) => r.kind)).toContain(kind);
  });

  it('names the age of a children’s rule', () => {
    const [rule] = extractSpecialRules(sentencesOf('Our services are not directed to children under 16.'));
    expect(rule.summary).toContain('16');
  });
});

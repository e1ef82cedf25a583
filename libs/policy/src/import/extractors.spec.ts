import { describe, expect, it } from '@jest/globals';

import { htmlBlocks, textBlocks } from './blocks.js';
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
    ['To make a request, call us toll-free at 1-800-555-0199.', 'phone', '+1 800 555 0199'],
    ['For privacy requests, call (844) 555-0142.', 'phone', '+1 844 555 0142'],
    ['Privacy questions may be directed to +1.415.555.0173.', 'phone', '+1 415 555 0173'],
    ['Our privacy office in London takes requests on +44.20.7946.0321.', 'phone', '+44 20 7946 0321'],
    [
      'To submit a request, please complete the form at www.acme.example.net/privacy/requests.',
      'web_form',
      'https://www.acme.example.net/privacy/requests',
    ],
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

  it('reads a UK address with no house number, ending in its postcode', () => {
    const text =
      'Write to our data protection lead at Orchard Court, Mill Lane, Guildford, Surrey, GU2 7XH or by email.';
    expect(channelsIn(text)).toContainEqual(['post', 'Orchard Court, Mill Lane, Guildford, Surrey, GU2 7XH']);
    expect(channelsIn('Our support team works from Guildford, GU2 7XH, on weekdays.')).toEqual([]);
  });

  it("takes a form's address from the link announced after its sentence", () => {
    const sentences = splitSentences(
      htmlBlocks(
        '<p>To exercise your rights, please submit a request using the link below.</p>' +
          '<p><a href="https://privacy.acme.example.net/requests">Privacy requests</a></p>',
      ),
    ).sentences;
    expect(extractChannels(sentences).map((c) => [c.kind, c.value])).toEqual([
      ['web_form', 'https://privacy.acme.example.net/requests'],
    ]);
  });

  it('reads a relative link against the address the page gives itself', () => {
    const page = (head: string) =>
      `<html><head>${head}</head><body><p>To opt out, submit a request through our ` +
      `<a href="/privacy/do-not-sell">Do Not Sell My Personal Information</a> form.</p></body></html>`;
    const formsOf = (html: string) =>
      extractChannels(splitSentences(htmlBlocks(html)).sentences).map((c) => [c.kind, c.value]);
    expect(formsOf(page('<link rel="canonical" href="https://www.acme.example.net/legal/privacy">'))).toEqual([
      ['web_form', 'https://www.acme.example.net/privacy/do-not-sell'],
    ]);
    expect(formsOf(page('<meta property="og:url" content="https://acme.example.net/privacy">'))).toEqual([
      ['web_form', 'https://acme.example.net/privacy/do-not-sell'],
    ]);
  });

  it('asks the reviewer for the address of a form the policy names without one', () => {
    const [form] = extractChannels(
      sentencesOf('To exercise your rights, please submit a request through our online portal.'),
    );
    expect(form).toMatchObject({ kind: 'web_form', reason: expect.stringMatching(/URL.*before publishing/) });
    expect(form.value).toBeUndefined();
    expect(form.confidence).toBeLessThan(0.8);
  });

  it('keeps only the addressed form when the policy also names a form without its address', () => {
    const text = [
      'To make a request, use our request form at https://acme.example.net/privacy-request.',
      'You must complete all required fields on the request form to verify your request.',
    ].join('\n');
    expect(channelsIn(text).filter(([kind]) => kind === 'web_form')).toEqual([
      ['web_form', 'https://acme.example.net/privacy-request'],
    ]);
  });

  it.each([
    'Do Not Sell My Personal Information',
    'You can unsubscribe from marketing emails by clicking the unsubscribe link in each email we send.',
    'For additional disclosures for California residents, including your rights to access and delete, click here.',
    'We collect information when you request a quote or fill out a form on our website.',
    'We may collect your details where you submit a form to request a demonstration.',
  ])('takes no web form from "%s"', (text) => {
    expect(channelsIn(text).filter(([kind]) => kind === 'web_form')).toEqual([]);
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

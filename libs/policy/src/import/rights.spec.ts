import { describe, expect, it } from '@jest/globals';

import type { Regime, RequestType } from '../policy.model.js';
import { textBlocks } from './blocks.js';
import { extractRights } from './rights.js';
import { splitSentences } from './sentences.js';

// Sentences written for these tests in the manner of published CCPA and GDPR notices.
const rightsIn = (text: string, regimes: Regime[] = ['ccpa']) =>
  extractRights(splitSentences(textBlocks(text)).sentences, regimes);
const typesIn = (text: string, regimes?: Regime[]): RequestType[] => rightsIn(text, regimes).map((r) => r.type);

describe('extractRights', () => {
  it.each<[string, RequestType]>([
    ['You have the right to request that we disclose the personal information we collected about you.', 'access'],
    [
      'Right to Know. You may request access to the specific pieces of personal information we hold about you.',
      'access',
    ],
    ['You can request to receive a copy of your Personal Data.', 'access'],
    [
      'You have the right to request that we delete any of your personal information, subject to exceptions.',
      'deletion',
    ],
    ['You may ask us to erase the personal information we collected from you.', 'deletion'],
    ['If you would like to have your Personal Information deleted, please write to us.', 'deletion'],
    [
      'You have the right to request that we correct inaccurate personal information we maintain about you.',
      'correction',
    ],
    ['You may request to correct inaccuracies in your Personal Information.', 'correction'],
    ['If we hold information about you that is wrong, you have the right to have it corrected.', 'correction'],
    ['You have the right to opt out of the sale or sharing of your personal information.', 'opt_out_sale_share'],
    ['To exercise your right, click the Do Not Sell or Share My Personal Information link.', 'opt_out_sale_share'],
    ['You may direct us not to sell your personal information to third parties.', 'opt_out_sale_share'],
    [
      'You have the right to limit the use and disclosure of your sensitive personal information.',
      'limit_sensitive_use',
    ],
    [
      'You can request that we limit our use of sensitive personal information to permitted purposes.',
      'limit_sensitive_use',
    ],
    [
      'You have the right to request that we disclose the categories of personal information we collected.',
      'categories',
    ],
    ['You may request a copy of your data in a portable, machine-readable format.', 'portability'],
    ['You have the right to object to our processing of your personal data.', 'objection'],
    ['You may withdraw your consent at any time.', 'consent_withdrawal'],
    ['You can unsubscribe from our marketing emails using the link in each email.', 'opt_out_marketing_email'],
    ['You can stop our text messages at any time by replying STOP.', 'opt_out_marketing_sms'],
  ])('%s → %s', (sentence, type) => {
    expect(typesIn(sentence)).toContain(type);
  });

  it.each([
    'We delete personal information when it is no longer needed for the purposes we collected it for.',
    'We may deny your deletion request if retaining the information is necessary for us.',
    'Make sure the correct information is entered when you sign up.',
    'We do not sell personal information.',
    'Our staff have access to personal information only as needed.',
    'Deletion',
  ])('drafts no right from "%s"', (sentence) => {
    expect(rightsIn(sentence)).toEqual([]);
  });

  it('reads list items as rights when their lead-in grants them', () => {
    const text = [
      'You have the right to:',
      'Have access to your information;',
      'Correct any errors in your data;',
    ].join('\n');
    expect(typesIn(text)).toEqual(expect.arrayContaining(['access', 'correction']));
    expect(typesIn('Access to your information is logged.\nCorrect any errors in your data;')).toEqual([]);
  });

  describe('rights named by a noun in a list of rights', () => {
    it.each<[string, RequestType]>([
      [
        'Under data protection law you may ask for: (a) a copy of your data; (b) Correction of your personal information where it is wrong or incomplete; (c) its erasure.',
        'correction',
      ],
      ['Your rights are to:\n• Rectification of any personal data that is inaccurate;', 'correction'],
      [
        'Depending on where you live, you may have the right to see your data, restrict or object to our processing of it, and complain to a regulator.',
        'restriction',
      ],
      [
        'Your rights include the right to access your data and to ask that your personal data be transmitted to another organisation of your choosing.',
        'portability',
      ],
      [
        'Residents may request that your information be sent to you or to your designated provider in a structured form.',
        'portability',
      ],
      ['Your rights in respect of your data are to:\n• Be informed about how we use it;', 'categories'],
      [
        'You may request details of our handling of your data over the last 12 months concerning: (1) the categories of personal information we hold about you, and (2) the purposes we use it for.',
        'categories',
      ],
      [
        'Consumers can request and receive from us once a year information about the data we keep on them, including the categories of personal information collected and the sources it came from.',
        'categories',
      ],
      [
        'You can ask for a statement listing the categories of your personal data we disclosed last year.',
        'categories',
      ],
    ])('%s → %s', (sentence, type) => {
      expect(typesIn(sentence)).toContain(type);
    });

    it.each<[string, RequestType]>([
      ['You may request a copy of the log that records any correction of your personal data.', 'correction'],
      [
        'You may request that your personal data be transferred to another country only with safeguards.',
        'portability',
      ],
      [
        'You can request the printed version of our annual transparency report for the last three calendar years, including the categories of personal information it covers.',
        'categories',
      ],
      ['If you wish to apply, you will be informed about the use of cookies on the careers site.', 'categories'],
    ])('drafts no such right from "%s"', (sentence, type) => {
      expect(typesIn(sentence)).not.toContain(type);
    });
  });

  it('takes the law from the section heading, and cites the sentence with its offsets', () => {
    const text = [
      'YOUR CALIFORNIA PRIVACY RIGHTS',
      'You have the right to request that we delete your personal information.',
      'RIGHTS FOR PEOPLE IN THE EEA',
      'You have the right to request erasure of your personal data.',
    ].join('\n');
    const rights = rightsIn(text, ['ccpa', 'gdpr']);
    expect(rights.map((r) => [r.type, r.regime])).toEqual([
      ['deletion', 'ccpa'],
      ['deletion', 'gdpr'],
    ]);
    for (const right of rights) {
      expect(text.slice(right.citation.start, right.citation.end)).toBe(right.citation.quote);
      expect(right.confidence).toBeGreaterThanOrEqual(0.8);
      expect(right.reason).toBeUndefined();
    }
  });

  it('says why when it guesses the law', () => {
    const [right] = rightsIn('You have the right to request that we delete your personal information.', [
      'ccpa',
      'gdpr',
    ]);
    expect(right.regime).toBe('ccpa');
    expect(right.confidence).toBeLessThan(0.8);
    expect(right.reason).toMatch(/names no law/);
  });

  it('grants marketing opt-outs under the email and text laws when the policy names them, else as its own promise', () => {
    const text = 'You can unsubscribe from our emails at any time. Reply STOP to any text message to stop them.';
    expect(rightsIn(text, ['can_spam', 'fcc_tcpa']).map((r) => r.regime)).toEqual(['can_spam', 'fcc_tcpa']);
    expect(rightsIn(text, []).map((r) => r.regime)).toEqual(['none', 'none']);
  });

  describe('the right to correct', () => {
    it.each([
      'You can ask us to review, amend or rectify the personal information we hold about you.',
      'Where your details are out of date, you can make us correct them.',
      'Members may contact us about any inaccuracies in the information we keep.',
      'If anything we hold about you is wrong, we offer you a simple way to change it.',
      'If you need to edit or correct your account details, please email our privacy team.',
    ])('drafts it from "%s"', (sentence) => {
      expect(typesIn(sentence)).toContain('correction');
    });

    it.each([
      'This Privacy Notice also explains the choices you have and the rights you may have to access or correct your information.',
      'You can update your account settings at any time.',
      'We correct errors in our records when we become aware of them.',
    ])('drafts none from "%s"', (sentence) => {
      expect(typesIn(sentence)).not.toContain('correction');
    });

    it("leaves out rights granted only under another country's law", () => {
      const text = [
        'RIGHTS OF RESIDENTS OF BRAZIL',
        'You have the right to correct incomplete or inaccurate data.',
        'RIGHTS OF CALIFORNIA RESIDENTS',
        'You have the right to request that we correct inaccurate personal information.',
      ].join('\n');
      expect(rightsIn(text, ['ccpa']).map((r) => [r.type, r.citation.quote])).toEqual([
        ['correction', 'You have the right to request that we correct inaccurate personal information.'],
      ]);
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

import { DATA_POINT_KINDS, offeredLanguages, REQUEST_TYPES } from './policy.model.js';
import { parsePolicy } from './policy.validator.js';
import { PolicyFileError } from './policy-file-error.js';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));
const FILE = 'seeds/prontotrak.policy.yaml';
const prontoYaml = readFileSync(join(seedsDir, 'prontotrak.policy.yaml'), 'utf8');
const prontoText = readFileSync(join(seedsDir, 'policies-text/prontotrak.txt'), 'utf8');

// Seeds are plain data, so a loose record type keeps the mutations below short.
type Doc = Record<string, any>;

function mutated(change: (doc: Doc) => void): string {
  const doc = parse(prontoYaml) as Doc;
  change(doc);
  return stringify(doc);
}

function problemsOf(yamlText: string, policyText = prontoText): string {
  try {
    parsePolicy(FILE, yamlText, policyText);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyFileError);
    return (error as PolicyFileError).message;
  }
  throw new Error('expected the policy to be rejected');
}

describe('parsePolicy', () => {
  it('accepts the prontotrak seed and keeps its values', () => {
    const policy = parsePolicy(FILE, prontoYaml, prontoText);
    expect(policy.slug).toBe('prontotrak');
    expect(policy.regimes).toEqual(['ccpa', 'can_spam', 'none']);
    expect(policy.rights.map((r) => r.id)).toContain('ccpa-deletion');
    expect(policy.settings).toEqual({
      verificationLinkDays: 7,
      internalTargetDays: 30,
      languages: ['en', 'es'],
      verificationDataPoints: ['phone', 'postal_address', 'date_of_birth', 'last_order_date'],
    });
    // Optional fields the file leaves out stay absent rather than undefined.
    expect('holidayRegion' in policy).toBe(false);
  });

  it('keeps a response link period the settings give, and leaves it absent otherwise', () => {
    expect('responseLinkDays' in parsePolicy(FILE, prontoYaml, prontoText).settings).toBe(false);
    const policy = parsePolicy(
      FILE,
      mutated((d) => (d.settings.responseLinkDays = 14)),
      prontoText,
    );
    expect(policy.settings.responseLinkDays).toBe(14);
  });

  it('keeps reminder offsets largest first, and the extension warning and retention periods', () => {
    const policy = parsePolicy(
      FILE,
      mutated((d) =>
        Object.assign(d.settings, { reminderOffsetsDays: [1, 14, 3], extensionWarningDays: 5, retentionDays: 180 }),
      ),
      prontoText,
    );
    expect(policy.settings).toMatchObject({
      reminderOffsetsDays: [14, 3, 1],
      extensionWarningDays: 5,
      retentionDays: 180,
    });
  });

  it('keeps the identity document period the settings give', () => {
    expect('identityDocumentDays' in parsePolicy(FILE, prontoYaml, prontoText).settings).toBe(false);
    const policy = parsePolicy(
      FILE,
      mutated((d) => (d.settings.identityDocumentDays = 14)),
      prontoText,
    );
    expect(policy.settings.identityDocumentDays).toBe(14);
  });

  it('accepts a right needing identity documents with no data points to match', () => {
    const policy = parsePolicy(
      FILE,
      mutated((d) => {
        delete d.settings.verificationDataPoints;
        d.rights.forEach((r: { verification: string }) => {
          if (r.verification !== 'none') r.verification = 'documents';
        });
      }),
      prontoText,
    );
    expect(policy.rights.filter((r) => r.verification === 'documents').length).toBeGreaterThan(0);
  });

  it('keeps SMS numbers where the policy offers opting out by text', () => {
    const policy = parsePolicy(
      FILE,
      mutated((d) => {
        d.channels.push({ kind: 'sms_stop', citation: d.channels[0].citation });
        d.rights.push({
          ...d.rights.find((r: { id: string }) => r.id === 'marketing-email-opt-out'),
          id: 'text-opt-out',
          type: 'opt_out_marketing_sms',
          regime: 'can_spam',
        });
        d.settings.smsNumbers = ['+15550100124'];
      }),
      prontoText,
    );
    expect(policy.settings.smsNumbers).toEqual(['+15550100124']);
  });

  it('keeps the languages offered, the default first, and offers English alone when none are given', () => {
    const policy = parsePolicy(
      FILE,
      mutated((d) => (d.settings.languages = ['es', 'en'])),
      prontoText,
    );
    expect(offeredLanguages(policy)).toEqual(['es', 'en']);
    const plain = parsePolicy(
      FILE,
      mutated((d) => delete d.settings.languages),
      prontoText,
    );
    expect(plain.settings.languages).toBeUndefined();
    expect(offeredLanguages(plain)).toEqual(['en']);
  });

  it.each<[string, (doc: Doc) => void, string]>([
    ['missing slug', (d) => delete d.slug, 'slug: is required'],
    ['slug not kebab-case', (d) => (d.slug = 'Pronto Trak'), 'slug: "Pronto Trak" is not a slug of a-z, 0-9 and "-"'],
    [
      'unknown regime',
      (d) => (d.regimes = ['ccpa', 'can_spam', 'none', 'gdrp']),
      'regimes[3]: "gdrp" is not one of ccpa, us_state, gdpr, uk_gdpr, can_spam, fcc_tcpa, none',
    ],
    [
      'unknown request type',
      (d) => (d.rights[2].type = 'erasure'),
      'rights[2].type: "erasure" is not one of access, categories, deletion,',
    ],
    [
      'bad time zone',
      (d) => (d.timeZone = 'America/Atlantis'),
      'timeZone: "America/Atlantis" is not an IANA time zone',
    ],
    ['UTC offset as time zone', (d) => (d.timeZone = '+01:00'), 'timeZone: "+01:00" is not an IANA time zone'],
    ['duplicate right id', (d) => (d.rights[4].id = 'access'), 'rights[4].id: "access" is already used by rights[3]'],
    [
      'deadline naming an unknown right',
      (d) => d.deadlines[0].rights.push('erase'),
      'deadlines[0].rights[4]: "erase" is not the id of a right in this file',
    ],
    [
      'right in two deadlines',
      (d) => d.deadlines[1].rights.push('access'),
      'deadlines[1].rights[1]: "access" already has a deadline in deadlines[0]',
    ],
    [
      'quote not in the text',
      (d) => (d.rights[0].citation.quote = 'You can request anything at all.'),
      'rights[0].citation.quote: not found in policies-text/prontotrak.txt: "You can request anything at all."',
    ],
    [
      'quote altered by one character',
      (d) => (d.specialRules[0].citation.quote = d.specialRules[0].citation.quote.replace('email', 'e-mail')),
      'specialRules[0].citation.quote: not found in policies-text/prontotrak.txt',
    ],
    [
      'regime none without internalTargetDays',
      (d) => delete d.settings.internalTargetDays,
      'rights[3].regime: "none" needs settings.internalTargetDays',
    ],
    [
      'string where a number belongs',
      (d) => (d.settings.verificationLinkDays = '7'),
      'settings.verificationLinkDays: expected a whole number of at least 1, got string "7"',
    ],
    [
      'zero days',
      (d) => (d.settings.internalTargetDays = 0),
      'settings.internalTargetDays: expected a whole number of at least 1, got number 0',
    ],
    [
      'fractional response link days',
      (d) => (d.settings.responseLinkDays = 2.5),
      'settings.responseLinkDays: expected a whole number of at least 1, got number 2.5',
    ],
    [
      'a zero reminder offset',
      (d) => (d.settings.reminderOffsetsDays = [7, 0]),
      'settings.reminderOffsetsDays[1]: expected a whole number of at least 1, got number 0',
    ],
    [
      'a repeated reminder offset',
      (d) => (d.settings.reminderOffsetsDays = [7, 7]),
      'settings.reminderOffsetsDays: each offset may appear once',
    ],
    ['no reminder offsets', (d) => (d.settings.reminderOffsetsDays = []), 'settings.reminderOffsetsDays:'],
    [
      'text retention days',
      (d) => (d.settings.retentionDays = 'ninety'),
      'settings.retentionDays: expected a whole number of at least 1',
    ],
    [
      'zero identity document days',
      (d) => (d.settings.identityDocumentDays = 0),
      'settings.identityDocumentDays: expected a whole number of at least 1, got number 0',
    ],
    [
      'an SMS number without +',
      (d) => (d.settings.smsNumbers = ['15550100123']),
      'settings.smsNumbers[0]: "15550100123" is not an E.164 number',
    ],
    ['an SMS number with spaces', (d) => (d.settings.smsNumbers = ['+1 555 0100 123']), 'settings.smsNumbers[0]:'],
    [
      'a language we have no wording for',
      (d) => (d.settings.languages = ['en', 'fr']),
      'settings.languages[1]: "fr" is not one of en, es',
    ],
    ['no languages', (d) => (d.settings.languages = []), 'settings.languages:'],
    [
      'a repeated language',
      (d) => (d.settings.languages = ['es', 'es']),
      'settings.languages: each language may appear once',
    ],
    [
      'a repeated SMS number',
      (d) => (d.settings.smsNumbers = ['+15550100123', '+15550100123']),
      'settings.smsNumbers: each number may appear once',
    ],
    [
      'SMS numbers without an sms_stop channel (ProntoTrak has none)',
      (d) => (d.settings.smsNumbers = ['+15550100124']),
      'settings.smsNumbers: needs a channel of kind sms_stop',
    ],
    [
      'SMS numbers without an SMS opt-out right (ProntoTrak has none)',
      (d) => (d.settings.smsNumbers = ['+15550100124']),
      'settings.smsNumbers: needs a right of type opt_out_marketing_sms',
    ],
    [
      'right regime not in regimes',
      (d) => (d.rights[0].regime = 'gdpr'),
      'rights[0].regime: "gdpr" is not listed in regimes (ccpa, can_spam, none)',
    ],
    ['misspelt field', (d) => (d.rights[0].lable = 'x'), 'rights[0].lable: is not a known field'],
    ['missing citation', (d) => delete d.channels[0].citation, 'channels[0].citation: is required'],
    [
      'empty quote',
      (d) => (d.channels[0].citation.quote = ' '),
      'channels[0].citation.quote: expected text, got string " "',
    ],
    [
      'email channel without an address',
      (d) => (d.channels[0].value = 'Privacy at ProntoTrak'),
      'channels[0].value: "Privacy at ProntoTrak" is not an email address',
    ],
    ['post channel without an address', (d) => delete d.channels[1].value, 'channels[1].value: is required'],
    [
      'web form without its address',
      (d) => (d.channels[1] = { kind: 'web_form', citation: d.channels[1].citation }),
      "channels[1].value: needs the form's http(s) URL",
    ],
    [
      'unknown channel kind',
      (d) => (d.channels[0].kind = 'fax'),
      'channels[0].kind: "fax" is not one of web_form, email, phone,',
    ],
    [
      'unknown verification level',
      (d) => (d.rights[0].verification = 'passport'),
      'rights[0].verification: "passport" is not one of none, email, reasonable, high',
    ],
    [
      'the retired identity level',
      (d) => (d.rights[0].verification = 'identity'),
      'rights[0].verification: "identity" is not one of none, email, reasonable, high',
    ],
    [
      'unknown data point kind',
      (d) => (d.settings.verificationDataPoints = ['phone', 'shoe_size']),
      'settings.verificationDataPoints[1]: "shoe_size" is not one of full_name, phone,',
    ],
    [
      'data point listed twice',
      (d) => (d.settings.verificationDataPoints = ['phone', 'postal_address', 'phone']),
      'settings.verificationDataPoints[2]: "phone" is listed twice',
    ],
    [
      'data points not a list',
      (d) => (d.settings.verificationDataPoints = 'phone'),
      'settings.verificationDataPoints: expected a list',
    ],
    [
      'reasonable verification without data points',
      (d) => {
        delete d.settings.verificationDataPoints;
        d.rights[0].verification = 'reasonable';
      },
      'rights[0].verification: "reasonable" needs settings.verificationDataPoints to list at least 1 data point to match beside the email address (it lists 0)',
    ],
    [
      'high verification with one data point',
      (d) => {
        d.settings.verificationDataPoints = ['phone'];
        d.rights[0].verification = 'high';
      },
      'rights[0].verification: "high" needs settings.verificationDataPoints to list at least 2 data points to match beside the email address (it lists 1)',
    ],
    [
      'verification citation not in the text',
      (d) => (d.rights[0].verificationCitation = { quote: 'We verify you by fingerprint.' }),
      'rights[0].verificationCitation.quote: not found in policies-text/prontotrak.txt: "We verify you by fingerprint."',
    ],
    [
      'verification citation without a quote',
      (d) => (d.rights[0].verificationCitation = {}),
      'rights[0].verificationCitation.quote: is required',
    ],
    ['rights not a list', (d) => (d.rights = { access: true }), 'rights: expected a list, got a mapping'],
    ['no rights', (d) => (d.rights = []), 'rights: must list at least one entry'],
    [
      'extension without a period',
      (d) => (d.deadlines[0].extensionDays = 45),
      'deadlines[0].extensionDays: needs days',
    ],
    [
      'processor without a redirect',
      (d) => (d.role = 'controller_and_processor'),
      'processorRedirects: role controller_and_processor needs at least one redirect',
    ],
    [
      'source file outside the seeds folder',
      (d) => (d.source.file = '../../etc/passwd'),
      'source.file: "../../etc/passwd" must be a relative path inside the seeds folder',
    ],
    ['GB without a holiday region', (d) => (d.country = 'GB'), 'holidayRegion: is required'],
    [
      'unknown special rule',
      (d) => (d.specialRules[0].kind = 'vip'),
      'specialRules[0].kind: "vip" is not one of children,',
    ],
    [
      'shared limit naming an unknown right',
      (d) =>
        (d.rights[0].limit = {
          count: 2,
          perMonths: 12,
          sharedWith: ['ccpa-know'],
          citation: { quote: 'You can request information' },
        }),
      'rights[0].limit.sharedWith[0]: "ccpa-know" is not the id of a right in this file',
    ],
    [
      'one-sided shared limit',
      (d) =>
        (d.rights[0].limit = {
          count: 2,
          perMonths: 12,
          sharedWith: ['ccpa-copy'],
          citation: { quote: 'You can request information' },
        }),
      'rights[0].limit.sharedWith[0]: "ccpa-copy" must have the same count and perMonths and list "ccpa-categories"',
    ],
  ])('%s', (_name, change, expected) => {
    expect(problemsOf(mutated(change))).toContain(`${FILE}: ${expected}`);
  });

  it('reports every problem in one go, one line each', () => {
    const message = problemsOf(
      mutated((d) => {
        delete d.slug;
        d.timeZone = 'Mars/Olympus';
        d.rights[1].type = 'erasure';
      }),
    );
    expect(message.split('\n')).toEqual([
      `${FILE}: timeZone: "Mars/Olympus" is not an IANA time zone (e.g. Europe/London)`,
      `${FILE}: rights[1].type: "erasure" is not one of ${REQUEST_TYPES.join(', ')}`,
      `${FILE}: slug: is required`,
    ]);
  });

  it("keeps the data points to match in the order given, and a right's own sentence on verifying identity", () => {
    const policy = parsePolicy(
      FILE,
      mutated((d) => {
        d.settings.verificationDataPoints = ['postal_address', 'phone', 'date_of_birth'];
        d.rights[0].verification = 'high';
      }),
      prontoText,
    );
    expect(policy.settings.verificationDataPoints).toEqual(['postal_address', 'phone', 'date_of_birth']);
    expect(policy.rights[0]!.verification).toBe('high');
    expect(policy.rights.find((r) => r.id === 'ccpa-categories')!.verificationCitation).toEqual({
      quote:
        'To exercise the rights described above, it may be necessary for us to verify your identity or authority to make the request and confirm the Personal Data relates to you.',
    });
  });

  it('keeps any list of distinct kinds in its order, and says which rights a list too short leaves unverifiable', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...DATA_POINT_KINDS], { minLength: 1 }),
        fc.constantFrom('email', 'reasonable', 'high'),
        (kinds, level) => {
          const yaml = mutated((d) => {
            d.settings.verificationDataPoints = kinds;
            // Only the first right asks more than the email address, so its degree alone decides.
            for (const right of d.rights) if (right.verification !== 'none') right.verification = 'email';
            d.rights[0].verification = level;
          });
          const needed = { email: 0, reasonable: 1, high: 2 }[level]!;
          if (kinds.length >= needed) {
            const policy = parsePolicy(FILE, yaml, prontoText);
            expect(policy.settings.verificationDataPoints).toEqual(kinds);
          } else {
            expect(problemsOf(yaml)).toContain(
              `${FILE}: rights[0].verification: "${level}" needs settings.verificationDataPoints`,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('asks no data points of an organisation whose rights need at most the email address', () => {
    const policy = parsePolicy(
      FILE,
      mutated((d) => {
        delete d.settings.verificationDataPoints;
        for (const right of d.rights) if (right.verification !== 'none') right.verification = 'email';
      }),
      prontoText,
    );
    expect('verificationDataPoints' in policy.settings).toBe(false);
  });

  it('matches quotes across differences in whitespace only', () => {
    const reflowed = prontoText.replace(/ /g, '\n  ');
    expect(() => parsePolicy(FILE, prontoYaml, reflowed)).not.toThrow();
    expect(problemsOf(prontoYaml, prontoText.replace(/e-mail/g, 'email'))).toContain(
      `${FILE}: rights[7].citation.quote: not found in policies-text/prontotrak.txt`,
    );
  });

  it('names the file when the YAML does not parse', () => {
    expect(problemsOf('slug: [prontotrak\n')).toMatch(/^seeds\/prontotrak\.policy\.yaml: is not valid YAML: /);
  });

  it('names the file when the YAML is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')).toBe(`${FILE}: expected a mapping, got a list`);
  });

  it('rejects a key given twice', () => {
    expect(problemsOf(`${prontoYaml}\nslug: again\n`)).toMatch(
      /^seeds\/prontotrak\.policy\.yaml: is not valid YAML: .*[Mm]ap keys must be unique/,
    );
  });
});

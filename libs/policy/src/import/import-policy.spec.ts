import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';

import { changeChannel } from '../draft-edits.js';
import { loadPolicies } from '../policy.loader.js';
import { parsePolicy } from '../policy.validator.js';
import { checkPolicyDocument } from '../policy-document.js';
import { diffDrafts } from './diff-drafts.js';
import type { ImportResult, PolicyDraft } from './draft.model.js';
import { importPolicy } from './import-policy.js';
import { DEFAULT_VERIFICATION_DATA_POINTS, draftToPolicyDocument, draftVerificationGuess } from './policy-document.js';

const POLICY = [
  'Privacy Policy',
  'This policy explains how Acme collects and uses personal information.',
  'Your California Privacy Rights',
  'Under the CCPA, you have the right to request that we disclose the personal information we collected about you.',
  'You have the right to request that we delete your personal information.',
  'We will respond to a verifiable request within 45 days.',
  'To make a request, email privacy@acme.example.net or call 1-800-555-0199.',
].join('\n');

function citationsOf(draft: PolicyDraft) {
  return [...draft.regimes, ...draft.rights, ...draft.deadlines, ...draft.channels, ...draft.specialRules].map(
    (item) => item.citation,
  );
}

function expectCited(result: ImportResult): void {
  if (!result.ok) return;
  for (const citation of citationsOf(result.draft)) {
    expect(citation.quote.length).toBeGreaterThan(0);
    expect(result.text.content.slice(citation.start, citation.end)).toBe(citation.quote);
  }
}

describe('importPolicy', () => {
  it('drafts a plain-text policy, each item citing its sentence at its offsets', async () => {
    const result = await importPolicy({ content: POLICY, fileName: 'acme.txt' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.regimes.map((r) => r.regime)).toEqual(['ccpa']);
    expect(result.draft.rights.map((r) => r.type)).toEqual(['access', 'deletion']);
    expect(result.draft.deadlines).toMatchObject([{ days: 45, kind: 'legal' }]);
    expect(result.draft.channels.map((c) => c.value)).toEqual(['privacy@acme.example.net', '+1 800 555 0199']);
    expectCited(result);
  });

  it('reads the main text of an HTML page, leaving out scripts, navigation and cookie banners', async () => {
    const html = `<!doctype html><html><head><title>x</title><script>var sell = "opt out of the sale";</script></head>
      <body><nav><a href="/">Home</a> Do Not Sell My Personal Information</nav>
      <div id="onetrust-banner-sdk">You can opt out of the sale of your personal information.</div>
      <main><h1>Privacy Policy</h1><h2>Your rights</h2><ul>
      <li>You have the right to request that we delete your personal information.</li>
      <li>To make a request, <a href="https://acme.example.net/request">use our request form</a>.</li></ul></main></body></html>`;
    const result = await importPolicy({ content: Buffer.from(html), fileName: 'policy.html' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.rights.map((r) => r.type)).toEqual(['deletion']);
    expect(result.draft.channels).toMatchObject([{ kind: 'web_form', value: 'https://acme.example.net/request' }]);
    expect(result.text.content).not.toContain('var sell');
    expect(result.text.sentences.find((s) => s.text.startsWith('You have'))?.heading).toBe('Your rights');
    expectCited(result);
  });

  describe('a saved web page (MHTML)', () => {
    // The shape Chromium's "Save page as… single file" writes: the page quoted-printable, its images in base64.
    const mhtml = (htmlPart: string) =>
      [
        'From: <Saved by Blink>',
        'Snapshot-Content-Location: https://acme.example.net/legal/privacy',
        'Subject: Privacy Policy',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        '\tboundary="----MultipartBoundary--acme----"',
        '',
        '------MultipartBoundary--acme----',
        ...htmlPart.split('\n'),
        '------MultipartBoundary--acme----',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        'Content-Location: https://acme.example.net/logo.png',
        '',
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        '------MultipartBoundary--acme------',
        '',
      ].join('\r\n');
    const page = mhtml(
      [
        'Content-Type: text/html',
        'Content-ID: <frame-1@mhtml.blink>',
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Location: https://acme.example.net/legal/privacy',
        '',
        '<html><head><title>Privacy</title></head><body><h2>Your California privacy rights</h2><p>You have the rig=',
        'ht to request that we delete your personal information.</p><p>To make a request, use our <a href=3D"/p=',
        'rivacy/request">request form</a> or email privacy@acme.example.net.</p><img src=3D"cid:logo"></body></html>',
      ].join('\n'),
    );

    it.each([
      ['by its name', { fileName: 'privacy.mhtml' }],
      ['by its type', { contentType: 'multipart/related; type="text/html"' }],
      ['by its headers alone', {}],
    ])('reads its HTML part, %s, with links against the address it was saved from', async (_how, named) => {
      const result = await importPolicy({ content: Buffer.from(page), ...named });
      if (!result.ok) throw new Error(result.reason);
      expect(result.draft.rights.map((r) => [r.type, r.regime])).toEqual([['deletion', 'ccpa']]);
      expect(result.draft.channels.map((c) => [c.kind, c.value])).toEqual([
        ['email', 'privacy@acme.example.net'],
        ['web_form', 'https://acme.example.net/privacy/request'],
      ]);
      expect(result.text.content).not.toMatch(/=3D|iVBORw0|MultipartBoundary|Content-Type/);
      expectCited(result);
    });

    it('refuses a saved page without an HTML part, saying so', async () => {
      const imagesOnly = mhtml(
        ['Content-Type: image/gif', 'Content-Transfer-Encoding: base64', '', 'R0lGODlhAQABAAAAACw='].join('\n'),
      );
      expect(await importPolicy({ content: Buffer.from(imagesOnly), fileName: 'privacy.mht' })).toEqual({
        ok: false,
        reason: expect.stringMatching(/saved page \(MHTML\) holds no HTML part/),
      });
    });
  });

  it.each<[string, string | Uint8Array, RegExp]>([
    ['an empty file', '', /empty/],
    ['white space', ' \n\t ', /white space/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/],
    ['a binary file', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]), /not text/],
    ['markup without text', '<html><body><script>x()</script><img src="a.png"></body></html>', /no text/],
    [
      'a policy in another language',
      'Politique de confidentialité. Vous avez le droit de demander la suppression de vos données personnelles auprès de notre société.',
      /English/,
    ],
    [
      'a text that is no policy',
      'The quick brown fox jumps over the lazy dog, and the dog is not amused by this at all.',
      /privacy policy/,
    ],
    [
      'a policy with no rights',
      'Privacy. We collect personal information when you use our website and we use it to run the website for you.',
      /grants no right/,
    ],
  ])('refuses %s with a clear reason', async (_what, content, reason) => {
    const result = await importPolicy({ content });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a page beyond the size limit, and reads a 20 MB page whose text is a policy', async () => {
    expect(await importPolicy({ content: new Uint8Array(40 * 1024 * 1024).fill(0x61) })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/40\.0 MB/),
    });
    const padding = `<script>${'x'.repeat(20 * 1024 * 1024)}</script>`;
    const page = `<html><body>${padding}${POLICY.split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('')}</body></html>`;
    const result = await importPolicy({ content: Buffer.from(page), fileName: 'big.html' });
    expect(result.ok).toBe(true);
    expectCited(result);
  });

  it('never throws and never drafts an item without its sentence, whatever the input', async () => {
    const piece = fc.constantFrom(
      ...POLICY.split('\n'),
      '<p>',
      '</div>',
      '<h2>Rights</h2>',
      '\u0000',
      '&amp;',
      '\uFFFD',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.array(piece).map((p) => p.join(' ')),
          fc.uint8Array(),
        ),
        async (content) => {
          expectCited(await importPolicy({ content }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('draftToPolicyDocument', () => {
  it.each(loadPolicies('seeds').map(({ policy }) => policy.slug))(
    "turns the draft of %s's seed text into a policy the validator accepts",
    async (slug) => {
      const text = readFileSync(`seeds/policies-text/${slug}.txt`, 'utf8');
      const result = await importPolicy({ content: text, fileName: `${slug}.txt` });
      if (!result.ok) throw new Error(result.reason);
      const document = draftToPolicyDocument(result.draft, {
        slug: `${slug}-imported`,
        name: 'Imported',
        timeZone: 'America/Chicago',
        country: 'US',
      });
      const policy = parsePolicy(`${slug}.policy.yaml`, stringify(document), text);
      expect(policy.rights.length).toBe(result.draft.rights.length);
      expect(policy.source.file).toBe(`policies-text/${slug}-imported.txt`);
    },
  );
});

describe('verification of drafted rights', () => {
  const choices = { slug: 'acme', name: 'Acme', timeZone: 'America/Chicago', country: 'US' } as const;

  it('holds CCPA specific pieces to a high degree, deletion to a reasonable one, opt-outs to none, and asks the default data points', async () => {
    const text = [
      'Under the CCPA, you have the right to request that we disclose the specific pieces of personal information we collected about you.',
      'You have the right to request that we delete your personal information.',
      'You have the right to opt out of the sale of your personal information.',
      'We will verify your identity before we respond to your request.',
      'To make a request, email privacy@acme.example.net.',
    ].join('\n');
    const result = await importPolicy({ content: text, fileName: 'acme.txt' });
    if (!result.ok) throw new Error(result.reason);
    const { policy } = checkPolicyDocument(draftToPolicyDocument(result.draft, choices), result.text.content);
    const degrees = Object.fromEntries(policy.rights.map((r) => [r.type, r.verification]));
    expect(degrees).toMatchObject({ access: 'high', deletion: 'reasonable', opt_out_sale_share: 'none' });
    expect(policy.settings.verificationDataPoints).toEqual([...DEFAULT_VERIFICATION_DATA_POINTS]);
    const guess = draftVerificationGuess(result.draft);
    expect(guess?.kinds).toEqual(DEFAULT_VERIFICATION_DATA_POINTS);
    expect(guess?.reason).toMatch(/^a default: ccpa-access \(high\), ccpa-deletion \(reasonable\)/);
  });

  it('asks no data points where every right needs at most the email address', async () => {
    const text = 'You may unsubscribe from our marketing emails at any time. To ask, email privacy@acme.example.net.';
    const result = await importPolicy({ content: text, fileName: 'acme.txt' });
    if (!result.ok) throw new Error(result.reason);
    expect(draftVerificationGuess(result.draft)).toBeUndefined();
    expect('verificationDataPoints' in draftToPolicyDocument(result.draft, choices).settings).toBe(false);
  });
});

describe('publishing a draft as it stands', () => {
  const choices = { slug: 'acme', name: 'Acme', timeZone: 'Europe/London', country: 'GB' } as const;
  const imported = async (text: string) => {
    const result = await importPolicy({ content: text, fileName: 'acme.txt' });
    if (!result.ok) throw new Error(result.reason);
    return result;
  };

  it("writes a number the reviewer typed in the organisation's country's form", async () => {
    const text = 'You have the right to request that we delete your personal data. Call us on +44 20 7946 0018 to ask.';
    const result = await imported(text);
    const draft = changeChannel(result.draft, 0, '020 7946 0018');
    const { policy } = checkPolicyDocument(draftToPolicyDocument(draft, choices), result.text.content);
    expect(policy.channels).toMatchObject([{ kind: 'phone', value: '+44 20 7946 0018' }]);
  });

  it('refuses a form without its address, saying what to give', async () => {
    const result = await imported(
      'You have the right to request that we delete your personal data. To exercise your rights, please submit a request through our online portal.',
    );
    const document = draftToPolicyDocument(result.draft, choices);
    expect(() => checkPolicyDocument(document, result.text.content)).toThrow(
      /channels\[0\]\.value: needs the form's http\(s\) URL/,
    );
    const fixed = changeChannel(result.draft, 0, 'https://acme.example.net/privacy');
    expect(
      checkPolicyDocument(draftToPolicyDocument(fixed, choices), result.text.content).policy.channels,
    ).toMatchObject([{ kind: 'web_form', value: 'https://acme.example.net/privacy' }]);
  });
});

describe('diffDrafts', () => {
  const draftOf = async (text: string): Promise<PolicyDraft> => {
    const result = await importPolicy({ content: text });
    if (!result.ok) throw new Error(result.reason);
    return result.draft;
  };

  it('names rights added, removed and reworded, and deadlines changed', async () => {
    const before = await draftOf(POLICY);
    const after = await draftOf(
      POLICY.replace(
        'We will respond to a verifiable request within 45 days.',
        'We will respond to a request within 30 days.',
      )
        .replace('You have the right to request that we delete', 'You may ask us to delete')
        .replace(
          'Under the CCPA, you have the right to request that we disclose the personal information we collected about you.',
          'Under the CCPA, you have the right to opt out of the sale of your personal information.',
        ),
    );
    const diff = diffDrafts(before, after);
    expect(diff.rightsAdded.map((r) => r.type)).toEqual(['opt_out_sale_share']);
    expect(diff.rightsRemoved.map((r) => r.type)).toEqual(['access']);
    expect(diff.rightsReworded.map((c) => [c.before.type, c.after.citation.quote])).toEqual([
      ['deletion', 'You may ask us to delete your personal information.'],
    ]);
    expect(diff.deadlinesChanged.map((c) => [c.before?.days, c.after?.days])).toEqual([[45, 30]]);
    expect(diffDrafts(before, before)).toEqual({
      rightsAdded: [],
      rightsRemoved: [],
      rightsReworded: [],
      deadlinesChanged: [],
      channelsAdded: [],
      channelsRemoved: [],
    });
  });
});

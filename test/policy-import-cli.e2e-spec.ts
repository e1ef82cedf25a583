import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { PolicyDraft } from '#policy';

import { runCli } from './support/cli.js';

// The command reads only the file: no database is touched, so none is given.
const NO_DATABASE = 'postgres://nobody@127.0.0.1:1/none';

describe('rightsdesk policy import', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rightsdesk-policy-import-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the draft of a seed policy as JSON and exits 0', async () => {
    const result = await runCli(
      ['policy', 'import', 'seeds/policies-text/securus-technologies.txt', '--json'],
      NO_DATABASE,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const draft = JSON.parse(result.stdout) as PolicyDraft;
    expect(draft.rights.map((r) => r.type)).toEqual(expect.arrayContaining(['access', 'opt_out_marketing_sms']));
    expect(draft.channels).toContainEqual(expect.objectContaining({ kind: 'phone', value: '+1 800 844 6591' }));
    for (const item of [
      ...draft.regimes,
      ...draft.rights,
      ...draft.deadlines,
      ...draft.channels,
      ...draft.specialRules,
    ]) {
      expect(item.citation.quote).not.toBe('');
      expect(typeof item.confidence).toBe('number');
    }
  });

  it('reads a page saved as a single file (MHTML) by its HTML part', async () => {
    const page = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="saved-page"',
      '',
      '--saved-page',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://acme.example.net/privacy',
      '',
      '<p>You have the right to request that we delete your personal information.</p>',
      '<p>To make a request, call us toll-free at (800) 555-0148.</p>',
      '--saved-page--',
      '',
    ].join('\r\n');
    const result = await runCli(['policy', 'import', writeFile('privacy.mht', page), '--json'], NO_DATABASE);
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout) as PolicyDraft;
    expect(draft.rights.map((r) => r.type)).toEqual(['deletion']);
    expect(draft.channels).toMatchObject([{ kind: 'phone', value: '+1 800 555 0148' }]);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.html'), /cannot read .*: no such file/],
    ['an empty file', () => writeFile('empty.txt', ''), /The file is empty/],
    ['a binary file', () => writeFile('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /not text/],
    [
      'a text with no rights',
      () => writeFile('none.txt', 'Privacy. We use personal information to run our website and keep it safe.'),
      /grants no right/,
    ],
  ])('refuses %s: exit 1, the reason on stderr, nothing on stdout', async (_what, file, reason) => {
    const result = await runCli(['policy', 'import', file(), '--json'], NO_DATABASE);
    expect(result).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(reason) });
  });

  it('answers a wrong option with the usage', async () => {
    const result = await runCli(['policy', 'import', 'x.txt', '--yaml'], NO_DATABASE);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('policy import FILE [--json]');
  });

  function writeFile(name: string, content: string | Buffer): string {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  }
});

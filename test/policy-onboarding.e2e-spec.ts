import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from '@jest/globals';

import type { OrganisationPolicy, PolicyDraft } from '#policy';

import { csrfTokenIn, type FormClient } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { createOperator, createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

// Tests may read the corpus beside the repository, as CI has it; nothing of it is kept in the project.
const CORPUS_POLICY = fileURLToPath(new URL('../../shared/policy-corpus/c3pa-dev/DB/1.html', import.meta.url));
const SLUG = `corpus-${Date.now().toString(36)}`;
const EDITED_LABEL = 'Ask us what we know about you (edited by the operator)';

describe('onboarding an organisation from its policy: import, review, edit, publish, take a request', () => {
  // Its own database: the organisations it creates must not show up in other specs' shared one.
  const system = useRunningSystem({ db: 'pg', ownStorage: 'onboarding' });
  let operator: FormClient;
  let importId: string;
  /** The right the operator edits: one a requester confirms by mail, as most are. */
  let edited: number;

  const draftOf = async (id: string) =>
    (await system.db.query<{ draft: PolicyDraft }>('SELECT draft FROM policy_import WHERE id = $1', [id])).rows[0]
      .draft;
  const csrf = async () => csrfTokenIn((await operator.get('/staff/platform')).body);

  beforeAll(async () => {
    operator = await signIn(system.baseUrl, await createOperator(undefined, system.databaseUrl));
  }, 60_000);

  it('imports a corpus policy through the console and shows the draft beside the text, each citation marked', async () => {
    const response = await operator.postMultipart(
      '/staff/platform/imports',
      {
        _csrf: await csrf(),
        name: 'Corpus <Example> & Co',
        slug: SLUG,
        timeZone: 'America/Los_Angeles',
        country: 'US',
      },
      [{ field: 'policy', name: '1.html', type: 'text/html', content: readFileSync(CORPUS_POLICY) }],
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/staff\/platform\/imports\/[0-9a-f-]{36}$/);
    importId = location.split('/').pop()!;

    const page = await operator.get(location);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Corpus &lt;Example&gt; &amp; Co');
    const draft = await draftOf(importId);
    expect(draft.rights.length).toBeGreaterThan(0);
    // Every drafted item cites a sentence, and every cited sentence is marked in the text column.
    const marks = [...page.body.matchAll(/<mark id="s-(\d+)">/g)].map((m) => Number(m[1]));
    expect(marks.length).toBeGreaterThan(0);
    for (const right of draft.rights) expect(right.citation.quote.length).toBeGreaterThan(0);
    expect(page.body).toMatch(/href="#s-\d+">in the text</);
  }, 60_000);

  it('edits one right, then publishes it as the new organisation through the validator', async () => {
    const before = await draftOf(importId);
    edited = before.rights.findIndex((r) => ['access', 'deletion', 'correction'].includes(r.type));
    expect(edited).toBeGreaterThanOrEqual(0);
    const saved = await operator.post(`/staff/platform/imports/${importId}/rights/${edited}`, {
      _csrf: await csrf(),
      type: before.rights[edited].type,
      regime: before.rights[edited].regime,
      label: EDITED_LABEL,
    });
    expect(saved.status).toBe(303);
    const after = await draftOf(importId);
    expect(after.rights[edited]).toMatchObject({
      type: before.rights[edited].type,
      regime: before.rights[edited].regime,
      label: EDITED_LABEL,
      confidence: 1,
    });
    expect(after.rights[edited].citation).toEqual(before.rights[edited].citation);
    expect(after.rights.filter((_, i) => i !== edited)).toEqual(before.rights.filter((_, i) => i !== edited));

    const published = await operator.post(`/staff/platform/imports/${importId}/publish`, { _csrf: await csrf() });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/staff/platform?published=${SLUG}`);
    const { rows } = await system.db.query<{ document: OrganisationPolicy; name: string; time_zone: string }>(
      `SELECT v.document, o.name, o.time_zone FROM organisation o
         JOIN policy_version v ON v.id = o.current_policy_version_id WHERE o.slug = $1`,
      [SLUG],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Corpus <Example> & Co', time_zone: 'America/Los_Angeles' });
    expect(rows[0].document.rights.map((r) => r.label)).toContain(EDITED_LABEL);
  }, 60_000);

  it("takes a request on the new organisation's form at once, under the published version", async () => {
    const form = await operator.get(`/o/${SLUG}/requests/new`);
    expect(form.status).toBe(200);
    expect(form.body).toContain(EDITED_LABEL);
    const { rows } = await system.db.query<{ document: OrganisationPolicy; id: string }>(
      'SELECT v.id, v.document FROM organisation o JOIN policy_version v ON v.id = o.current_policy_version_id WHERE o.slug = $1',
      [SLUG],
    );
    const right = rows[0].document.rights.find((r) => r.label === EDITED_LABEL)!;
    const email = `onboarded-${Date.now()}@example.org`;
    const reference = await submitRequest(system.baseUrl, SLUG, email, right.id);
    await confirmFromMail(system.sink, system.baseUrl, email);
    const request = await system.db.query<{ policy_version_id: string; status: string }>(
      'SELECT policy_version_id, status FROM data_subject_request WHERE reference = $1',
      [reference],
    );
    expect(request.rows[0]).toEqual({ policy_version_id: rows[0].id, status: 'verified' });
  }, 60_000);

  it('re-imports a changed policy, shows what changed before publishing, and earlier requests keep their version', async () => {
    const firstVersion = (
      await system.db.query<{ id: string }>(
        'SELECT current_policy_version_id AS id FROM organisation WHERE slug = $1',
        [SLUG],
      )
    ).rows[0].id;
    const { rows: imported } = await system.db.query<{ policy_text: string; draft: PolicyDraft }>(
      'SELECT policy_text, draft FROM policy_import WHERE id = $1',
      [importId],
    );
    // The policy as read, without the sentence of its first right, saved as plain text: that right changes.
    const changed = imported[0].policy_text.replace(imported[0].draft.rights[0].citation.quote, '');
    const response = await operator.postMultipart(
      '/staff/platform/imports',
      { _csrf: await csrf(), organisation: SLUG },
      [{ field: 'policy', name: 'policy-changed.txt', type: 'text/plain', content: changed }],
    );
    expect(response.status).toBe(303);
    const secondImport = response.headers.get('location')!.split('/').pop()!;
    const review = await operator.get(`/staff/platform/imports/${secondImport}`);
    expect(review.body).toContain('Changes since version');
    expect(review.body).toMatch(/Rights (removed|reworded)/);

    expect(
      (await operator.post(`/staff/platform/imports/${secondImport}/publish`, { _csrf: await csrf() })).status,
    ).toBe(303);
    const versions = await system.db.query<{ current: string; requests: string }>(
      `SELECT o.current_policy_version_id AS current,
              (SELECT count(*) FROM data_subject_request r WHERE r.policy_version_id = $2) AS requests
         FROM organisation o WHERE o.slug = $1`,
      [SLUG, firstVersion],
    );
    expect(versions.rows[0].current).not.toBe(firstVersion);
    expect(Number(versions.rows[0].requests)).toBe(1);
  }, 60_000);

  it('refuses the platform console to an organisation admin, and shows a pasted policy escaped', async () => {
    const admin = await signIn(
      system.baseUrl,
      await createStaff({ officertrak: 'admin' }, 'Admin of one', system.databaseUrl),
    );
    expect((await admin.get('/staff/platform')).status).toBe(403);
    const text =
      'Privacy Policy\n\nYour California privacy rights. You have the right to request that we delete your personal information <img src=x onerror=alert(1)>. ' +
      'To make a request, email privacy@escaped.example.';
    const response = await operator.postMultipart(
      '/staff/platform/imports',
      {
        _csrf: await csrf(),
        name: 'Escaped',
        slug: `${SLUG}-escaped`,
        timeZone: 'America/New_York',
        country: 'US',
        text,
      },
      [],
    );
    expect(response.status).toBe(303);
    const page = await operator.get(response.headers.get('location')!);
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  }, 60_000);
});

import { randomBytes } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { computeDeadlines, publicHolidayCalendar } from '#workflow';

import { twilioSignature } from '../apps/api/src/suppression/twilio-signature.js';
import { csrfTokenIn, FormClient, referenceIn } from './support/form-client.js';
import { submitRequest } from './support/requester.js';
import { type SunkMail } from './support/smtp-sink.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const SMS_SECRET = 'sms-webhook-secret-for-tests-0123';
// Securus Technologies' (fictional, 555-01xx) texting number from its policy file's settings.smsNumbers.
const SECURUS_SMS = '+15550100123';
const SECURUS = 'securus-technologies';
const PRONTO = 'prontotrak';

describe('the suppression list and the channels that feed it', () => {
  const tag = randomBytes(3).toString('hex');
  const system = useRunningSystem({ extraEnv: { SMS_WEBHOOK_SECRET: SMS_SECRET }, db: 'pg' });
  let numberSeq = 0;

  /** A sender number of this run: +1 415 9xx xxxx, unique per call. */
  const newNumber = () =>
    `+1415${String(parseInt(tag, 16) % 1000).padStart(3, '0')}${String(1000 + numberSeq++).slice(-4)}`;

  const count = async (sql: string, params: unknown[]) =>
    Number((await system.db.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) q`, params)).rows[0].n);
  const orgId = async (slug: string) =>
    (await system.db.query<{ id: string }>('SELECT id FROM organisation WHERE slug = $1', [slug])).rows[0].id;

  /** Posts an inbound text as Twilio does: form-encoded, signed over our public URL and the sorted parameters. */
  async function text(from: string, body: string, options: { to?: string; signature?: string | null } = {}) {
    const url = `${system.baseUrl}/webhooks/sms`;
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      From: from,
      To: options.to ?? SECURUS_SMS,
      Body: body,
    };
    const signature = options.signature === undefined ? twilioSignature(SMS_SECRET, url, params) : options.signature;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === null ? {} : { 'X-Twilio-Signature': signature }),
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  }

  const messagesIn = (twiml: string) => [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => m[1]);
  const activeSmsSuppressions = (number: string) =>
    count("SELECT 1 FROM suppression WHERE channel = 'sms' AND address = $1 AND ended_at IS NULL", [number]);
  const smsRequests = (number: string) =>
    system.db.query<{ status: string; channel: string; right_id: string; type: string }>(
      'SELECT status, channel, right_id, type FROM data_subject_request WHERE requester_phone = $1',
      [number],
    );

  describe('SMS STOP webhook', () => {
    const KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPT OUT'];
    const variants = (word: string) => [
      word,
      word.toLowerCase(),
      `  ${word[0]}${word.slice(1).toLowerCase()}.  `,
      `${word}!`,
    ];

    it.each(KEYWORDS)(
      '%s, in any case, spacing and punctuation: one suppression and one confirmation per text',
      async (word) => {
        for (const body of variants(word)) {
          const from = newNumber();
          const answer = await text(from, body);
          expect({ body, status: answer.status }).toEqual({ body, status: 200 });
          expect(answer.type).toContain('text/xml');
          const messages = messagesIn(answer.body);
          expect({ body, messages: messages.length }).toEqual({ body, messages: 1 });
          expect(messages[0]).toContain('Securus Technologies: You are unsubscribed');
          expect(await activeSmsSuppressions(from)).toBe(1);
          const { rows } = await smsRequests(from);
          expect(rows).toEqual([
            { status: 'fulfilled', channel: 'sms', right_id: 'text-opt-out', type: 'opt_out_marketing_sms' },
          ]);
          expect(
            await count(
              "SELECT 1 FROM inbound_sms WHERE from_number = $1 AND outcome = 'suppressed' AND keyword = 'stop'",
              [from],
            ),
          ).toBe(1);
        }
      },
      60_000,
    );

    it('answers a repeated STOP once more but records no second suppression or request', async () => {
      const from = newNumber();
      await text(from, 'STOP');
      const again = await text(from, 'stop');
      expect(messagesIn(again.body)).toHaveLength(1);
      expect(await activeSmsSuppressions(from)).toBe(1);
      expect((await smsRequests(from)).rows).toHaveLength(1);
      expect(
        await count("SELECT 1 FROM inbound_sms WHERE from_number = $1 AND outcome = 'already_suppressed'", [from]),
      ).toBe(1);
    }, 30_000);

    it('refuses a text with a bad or missing signature (403) and stores nothing', async () => {
      for (const signature of [
        null,
        '',
        'AAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        twilioSignature('another-secret-0123456789', `${system.baseUrl}/webhooks/sms`, { Body: 'STOP' }),
      ]) {
        const from = newNumber();
        const answer = await text(from, 'STOP', { signature });
        expect(answer.status).toBe(403);
        expect(await count('SELECT 1 FROM inbound_sms WHERE from_number = $1', [from])).toBe(0);
        expect(await count('SELECT 1 FROM suppression WHERE address = $1', [from])).toBe(0);
        expect((await smsRequests(from)).rows).toHaveLength(0);
      }
    }, 30_000);

    it('START re-subscribes: the suppression ends and a later STOP suppresses again', async () => {
      const from = newNumber();
      await text(from, 'STOP');
      const started = await text(from, ' start ');
      expect(messagesIn(started.body)).toEqual([
        'Securus Technologies: You are subscribed to our texts again. Reply STOP to unsubscribe, HELP for help.',
      ]);
      expect(await activeSmsSuppressions(from)).toBe(0);
      expect(await count('SELECT 1 FROM suppression WHERE address = $1 AND ended_at IS NOT NULL', [from])).toBe(1);
      expect(await count("SELECT 1 FROM inbound_sms WHERE from_number = $1 AND outcome = 'resubscribed'", [from])).toBe(
        1,
      );
      await text(from, 'UNSTOP');
      expect(
        await count("SELECT 1 FROM inbound_sms WHERE from_number = $1 AND outcome = 'not_suppressed'", [from]),
      ).toBe(1);
      await text(from, 'Stop');
      expect(await activeSmsSuppressions(from)).toBe(1);
    }, 30_000);

    it("HELP answers with the organisation's contact from its policy", async () => {
      const answer = await text(newNumber(), 'help');
      expect(messagesIn(answer.body)).toEqual([
        'Securus Technologies: For help, contact 1-800-844-6591. Reply STOP to unsubscribe.',
      ]);
    }, 30_000);

    it('records any other text without acting on it, and answers nothing', async () => {
      const from = newNumber();
      const answer = await text(from, "Please don't stop <my> texts & calls");
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      const { rows } = await system.db.query<{ body: string; outcome: string; keyword: string | null }>(
        'SELECT body, outcome, keyword FROM inbound_sms WHERE from_number = $1',
        [from],
      );
      expect(rows).toEqual([{ body: "Please don't stop <my> texts & calls", outcome: 'no_action', keyword: null }]);
      expect(await count('SELECT 1 FROM suppression WHERE address = $1', [from])).toBe(0);
    }, 30_000);

    it('answers 404 for a number no organisation texts from, storing nothing', async () => {
      const from = newNumber();
      const answer = await text(from, 'STOP', { to: '+15550100199' });
      expect(answer.status).toBe(404);
      expect(await count('SELECT 1 FROM inbound_sms WHERE from_number = $1', [from])).toBe(0);
      expect(await count('SELECT 1 FROM suppression WHERE address = $1', [from])).toBe(0);
    }, 30_000);
  });

  describe('one-click email unsubscribe (RFC 8058)', () => {
    function unsubscribeHeaders(mail: SunkMail): { link: string; post: string } {
      const line = (key: string) =>
        mail.parsed.headerLines
          .find((h) => h.key === key)
          ?.line.replace(/^[^:]+:\s*/, '')
          .replace(/\r?\n\s+/g, ' ');
      const list = line('list-unsubscribe');
      const match = list ? /<(http[^>]+)>/.exec(list) : null;
      if (!match) throw new Error(`no https List-Unsubscribe link in the mail: ${list}`);
      return { link: match[1], post: line('list-unsubscribe-post') ?? '' };
    }

    const emailSuppressions = (email: string) =>
      count("SELECT 1 FROM suppression WHERE channel = 'email' AND address = $1 AND ended_at IS NULL", [email]);
    const oneClick = (link: string) =>
      fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });

    it('unsubscribes from the link in a received mail with a cookieless POST; GET only asks; a replay changes nothing', async () => {
      const email = `Unsub-${tag}@Example.org`;
      const address = email.toLowerCase();
      await submitRequest(system.baseUrl, SECURUS, email, 'ccpa-know');
      const [mail] = await system.sink.waitForMailsTo(email);
      const { link, post } = unsubscribeHeaders(mail);
      expect(post).toBe('List-Unsubscribe=One-Click');
      expect(link.startsWith(`${system.baseUrl}/u/`)).toBe(true);

      // A mail scanner fetching the link unsubscribes no one.
      const page = await fetch(link);
      expect(page.status).toBe(200);
      const pageBody = await page.text();
      expect(pageBody).toContain('<button type="submit" id="unsubscribe">Unsubscribe</button>');
      expect(pageBody).toContain(address);
      expect(await emailSuppressions(address)).toBe(0);

      const clicked = await oneClick(link);
      expect(clicked.status).toBe(200);
      expect(clicked.headers.get('set-cookie')).toBeNull();
      expect(await clicked.text()).toContain('You are unsubscribed');
      expect(await emailSuppressions(address)).toBe(1);
      const optOuts = await system.db.query<{ status: string; channel: string; type: string }>(
        "SELECT status, channel, type FROM data_subject_request WHERE requester_email = $1 AND type = 'opt_out_marketing_email'",
        [address],
      );
      expect(optOuts.rows).toEqual([{ status: 'fulfilled', channel: 'email', type: 'opt_out_marketing_email' }]);
      expect(
        await count("SELECT 1 FROM suppression WHERE address = $1 AND source = 'email_unsubscribe'", [address]),
      ).toBe(1);

      const replay = await oneClick(link);
      expect(replay.status).toBe(200);
      expect(await replay.text()).toContain('You are unsubscribed');
      expect(await emailSuppressions(address)).toBe(1);
      expect(
        await count(
          "SELECT 1 FROM data_subject_request WHERE requester_email = $1 AND type = 'opt_out_marketing_email'",
          [address],
        ),
      ).toBe(1);
      // The page now says so, rather than offering the button again.
      expect(await (await fetch(link)).text()).toContain('already gets no marketing email');
      // The opt-out's own confirmation mail arrives, once.
      const confirmations = (await system.sink.waitForMailsTo(email, 2)).filter((m) =>
        m.subject.includes('is in effect'),
      );
      expect(confirmations).toHaveLength(1);
    }, 60_000);

    it('refuses a forged or altered link with a clear page, and stores nothing', async () => {
      const email = `forge-${tag}@example.org`;
      await submitRequest(system.baseUrl, SECURUS, email, 'ccpa-know');
      const { link } = unsubscribeHeaders((await system.sink.waitForMailsTo(email))[0]);
      const [, token] = link.split('/u/');
      const [payload, mac] = token.split('.');
      const victim = `victim-${tag}@example.org`;
      const forgedPayload = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(email, victim)).toString(
        'base64url',
      );
      for (const forged of [`${forgedPayload}.${mac}`, `${payload}.${'A'.repeat(43)}`, 'not-a-token']) {
        for (const method of ['GET', 'POST']) {
          const response = await fetch(`${system.baseUrl}/u/${forged}`, {
            method,
            ...(method === 'POST'
              ? { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }
              : {}),
          });
          expect({ forged, method, status: response.status }).toEqual({ forged, method, status: 400 });
          expect(await response.text()).toContain('This unsubscribe link is not valid');
        }
      }
      expect(await count('SELECT 1 FROM suppression WHERE address IN ($1, $2)', [email, victim])).toBe(0);
    }, 60_000);
  });

  describe('an opt-out on the web form', () => {
    it('is fulfilled with its suppression in the same transaction, and confirmed by mail', async () => {
      const email = `form-optout-${tag}@example.org`;
      const reference = await submitRequest(system.baseUrl, SECURUS, email, 'marketing-email-opt-out');
      const { rows } = await system.db.query<{ status: string; closed: boolean; suppression_source: string | null }>(
        `SELECT r.status, r.closed_at IS NOT NULL AS closed, s.source AS suppression_source
           FROM data_subject_request r LEFT JOIN suppression s ON s.request_id = r.id AND s.ended_at IS NULL WHERE r.reference = $1`,
        [reference],
      );
      expect(rows).toEqual([{ status: 'fulfilled', closed: true, suppression_source: 'form' }]);
      const [mail] = await system.sink.waitForMailsTo(email);
      expect(mail.subject).toBe(`Your opt-out ${reference} to Securus Technologies is in effect`);
      // That mail is its acknowledgement too.
      expect(
        await count('SELECT 1 FROM data_subject_request WHERE reference = $1 AND acknowledged_at IS NOT NULL', [
          reference,
        ]),
      ).toBe(1);
      const timeline = await system.db.query<{ action: string }>(
        'SELECT a.action FROM audit_entry a JOIN data_subject_request r ON r.id = a.request_id WHERE r.reference = $1 ORDER BY a.seq',
        [reference],
      );
      expect(timeline.rows.map((r) => r.action).slice(0, 2)).toEqual(['request.received', 'request.fulfilled']);
    }, 60_000);
  });

  describe('Global Privacy Control', () => {
    async function gpcForm(slug: string): Promise<{ status: number; body: string; cookie: string }> {
      const response = await fetch(`${system.baseUrl}/o/${slug}/requests/new`, { headers: { 'Sec-GPC': '1' } });
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { status: response.status, body: await response.text(), cookie };
    }
    // Signals seen, page views counted in their day's row.
    const signals = async (slug: string, outcome: string) =>
      Number(
        (
          await system.db.query(
            'SELECT coalesce(sum(g.views), 0) AS n FROM gpc_signal g JOIN organisation o ON o.id = g.organisation_id WHERE o.slug = $1 AND g.outcome = $2',
            [slug, outcome],
          )
        ).rows[0].n,
      );

    it('serves /.well-known/gpc.json', async () => {
      const response = await fetch(`${system.baseUrl}/.well-known/gpc.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const json = (await response.json()) as { gpc: boolean; lastUpdate: string };
      expect(json.gpc).toBe(true);
      expect(json.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('is honoured at ProntoTrak (CCPA, a sale/share opt-out right): recorded, shown, and an opt-out for the submitter', async () => {
      const before = await signals(PRONTO, 'honoured');
      const page = await gpcForm(PRONTO);
      expect(page.body).toContain('Global Privacy Control signal is honoured');
      expect(await signals(PRONTO, 'honoured')).toBe(before + 1);
      const viewed = await system.db.query<{ request_id: string | null; reason: string | null; context: string }>(
        'SELECT request_id, reason, context FROM gpc_signal WHERE organisation_id = $1 ORDER BY received_at DESC LIMIT 1',
        [await orgId(PRONTO)],
      );
      expect(viewed.rows).toEqual([{ request_id: null, reason: null, context: 'page_view' }]);

      const email = `gpc-${tag}@example.org`;
      const submitted = await fetch(`${system.baseUrl}/o/${PRONTO}/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie, 'Sec-GPC': '1' },
        body: new URLSearchParams({
          _csrf: csrfTokenIn(page.body),
          name: 'Grace Hopper',
          email,
          phone: '',
          rightId: 'ccpa-deletion',
          relationship: 'self',
          details: '',
          website: '',
        }).toString(),
      });
      expect(submitted.status).toBe(201);
      const confirmation = await submitted.text();
      expect(confirmation).toContain('Global Privacy Control signal is honoured');
      const deletion = referenceIn(confirmation);
      const requests = await system.db.query<{ reference: string; type: string; channel: string; status: string }>(
        'SELECT reference, type, channel, status FROM data_subject_request WHERE requester_email = $1 ORDER BY type',
        [email],
      );
      expect(requests.rows).toEqual([
        { reference: deletion, type: 'deletion', channel: 'web', status: 'unverified' },
        { reference: expect.any(String), type: 'opt_out_sale_share', channel: 'gpc', status: 'fulfilled' },
      ]);
      // ProntoTrak's sharing for others' marketing is a CCPA sale or sharing: the signal is the CCPA opt-out, with
      // its 15 business days (not the policy's own 30-day target) and its row in the CCPA report.
      const gpcRequest = (
        await system.db.query<{ right_id: string; regime: string; received_at: Date; due_at: Date }>(
          "SELECT right_id, regime, received_at, due_at FROM data_subject_request WHERE requester_email = $1 AND channel = 'gpc'",
          [email],
        )
      ).rows[0];
      expect(gpcRequest).toMatchObject({ right_id: 'ccpa-sale-share-opt-out', regime: 'ccpa' });
      const due = computeDeadlines({
        regime: 'ccpa',
        requestType: 'opt_out_sale_share',
        receivedAt: gpcRequest.received_at,
        timeZone: 'America/New_York',
        calendar: publicHolidayCalendar('US'),
      });
      expect(gpcRequest.due_at).toEqual(due.dueAt);
      expect(
        await count(
          "SELECT 1 FROM suppression WHERE channel = 'sale_share' AND address = $1 AND source = 'gpc' AND ended_at IS NULL",
          [email],
        ),
      ).toBe(1);
      expect(
        await count(
          "SELECT 1 FROM gpc_signal g JOIN data_subject_request r ON r.id = g.request_id WHERE r.requester_email = $1 AND g.context = 'form_submission'",
          [email],
        ),
      ).toBe(1);
    }, 60_000);

    it('counts 100 page views with Sec-GPC: 1 without adding 100 rows', async () => {
      const rows = async () =>
        Number(
          (await system.db.query('SELECT count(*) FROM gpc_signal WHERE organisation_id = $1', [await orgId(PRONTO)]))
            .rows[0].count,
        );
      const [rowsBefore, seenBefore] = [await rows(), await signals(PRONTO, 'honoured')];
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(Array.from({ length: 10 }, async () => expect((await gpcForm(PRONTO)).status).toBe(200)));
      }
      expect(await rows()).toBeLessThanOrEqual(rowsBefore + 1);
      expect(await signals(PRONTO, 'honoured')).toBe(seenBefore + 100);
    }, 60_000);

    it('is ignored, with its reason, at Securus Technologies (CCPA, but "We do not sell") and at GDPR West', async () => {
      const securus = await gpcForm(SECURUS);
      expect(securus.body).toContain(
        'It has no effect at Securus Technologies: its privacy policy says it does not sell or share personal information',
      );
      const west = await gpcForm('west-schoolmessenger');
      expect(west.body).toContain('the privacy law that applies here gives no opt-out of sale or sharing');
      const latest = async (slug: string) =>
        (
          await system.db.query<{ outcome: string; reason: string }>(
            'SELECT outcome, reason FROM gpc_signal WHERE organisation_id = $1 ORDER BY received_at DESC LIMIT 1',
            [await orgId(slug)],
          )
        ).rows[0];
      expect(await latest(SECURUS)).toEqual({ outcome: 'ignored', reason: 'no_sale_share_right' });
      expect(await latest('west-schoolmessenger')).toEqual({ outcome: 'ignored', reason: 'no_sale_share_law' });
      // No header, no signal, no notice.
      const plain = await new FormClient(system.baseUrl).get(`/o/${SECURUS}/requests/new`);
      expect(plain.body).not.toContain('gpc-notice');
    }, 30_000);
  });

  describe('suppression API', () => {
    async function makeKey(slug: string): Promise<{ admin: FormClient; key: string }> {
      const admin = await signIn(system.baseUrl, await createStaff({ [slug]: 'admin' }, `Admin ${slug}`));
      const page = await admin.get(`/staff/orgs/${slug}/api-keys`);
      expect(page.status).toBe(200);
      const made = await admin.post(`/staff/orgs/${slug}/api-keys`, {
        _csrf: csrfTokenIn(page.body),
        label: 'CRM <test>',
      });
      expect(made.status).toBe(201);
      const key = /<pre id="api-key">(rdk_[A-Za-z0-9_-]+)<\/pre>/.exec(made.body)?.[1];
      if (!key) throw new Error('no key on the page');
      expect(made.body).toContain('CRM &lt;test&gt;');
      // Shown once: the list afterwards has only its first characters.
      expect((await admin.get(`/staff/orgs/${slug}/api-keys`)).body).not.toContain(key);
      return { admin, key };
    }
    const api = async (path: string, key?: string) => {
      const response = await fetch(`${system.baseUrl}${path}`, {
        headers: key ? { Authorization: `Bearer ${key}` } : {},
      });
      return { status: response.status, text: await response.text() };
    };

    it('checks an address and pages through the change feed with a stable cursor, with its own key only', async () => {
      const { admin, key } = await makeKey(SECURUS);
      const stopped = newNumber();
      const restarted = newNumber();
      await text(stopped, 'STOP');
      await text(restarted, 'STOP');
      await text(restarted, 'START');

      const base = `/api/v1/orgs/${SECURUS}/suppressions`;
      const check = JSON.parse(
        (await api(`${base}/check?channel=sms&address=${encodeURIComponent(stopped.replace('+1', '1-'))}`, key)).text,
      );
      expect(check).toMatchObject({ channel: 'sms', address: stopped, suppressed: true, source: 'sms_stop' });
      expect(
        JSON.parse((await api(`${base}/check?channel=sms&address=${encodeURIComponent(restarted)}`, key)).text),
      ).toMatchObject({ suppressed: false });
      expect((await api(`${base}/check?channel=fax&address=x`, key)).status).toBe(400);
      expect((await api(`${base}/check?channel=email&address=not-an-address`, key)).status).toBe(400);

      // The whole feed, one change a page: every page continues where the last stopped.
      const seen: { seq: string; kind: string; address: string }[] = [];
      let cursor = '0';
      for (let page = 0; page < 1000; page++) {
        const answer = JSON.parse((await api(`${base}/changes?cursor=${cursor}&limit=1`, key)).text) as {
          items: typeof seen;
          cursor: string;
          hasMore: boolean;
        };
        seen.push(...answer.items);
        cursor = answer.cursor;
        if (!answer.hasMore) break;
      }
      const seqs = seen.map((c) => BigInt(c.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
      expect(new Set(seen.map((c) => c.seq)).size).toBe(seen.length);
      expect(seen.filter((c) => c.address === restarted).map((c) => c.kind)).toEqual(['suppressed', 'resubscribed']);
      expect(seen.filter((c) => c.address === stopped).map((c) => c.kind)).toEqual(['suppressed']);

      // The STOP's request is on the organisation's console like any other, acknowledged by its reply.
      const stop = (
        await system.db.query<{ id: string; reference: string; acknowledged: boolean }>(
          'SELECT id, reference, acknowledged_at IS NOT NULL AS acknowledged FROM data_subject_request WHERE requester_phone = $1',
          [stopped],
        )
      ).rows[0];
      expect(stop.acknowledged).toBe(true);
      const requestPage = await admin.get(`/staff/orgs/${SECURUS}/requests/${stop.id}`);
      expect(requestPage.status).toBe(200);
      expect(requestPage.body).toContain(stop.reference);
      expect(requestPage.body).toContain(stopped);
      // Nothing new: the same cursor comes back with nothing.
      expect(JSON.parse((await api(`${base}/changes?cursor=${cursor}`, key)).text)).toEqual({
        items: [],
        cursor,
        hasMore: false,
      });
      expect((await api(`${base}/changes?cursor=abc`, key)).status).toBe(400);

      const headers = JSON.parse(
        (await api(`${base}/unsubscribe-headers?email=${encodeURIComponent(`Someone-${tag}@Example.org`)}`, key)).text,
      );
      expect(headers.email).toBe(`someone-${tag}@example.org`);
      expect(headers.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(headers.headers['List-Unsubscribe']).toMatch(
        new RegExp(`^<${system.baseUrl}/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}>$`),
      );

      // The staff console lists them too, filtered by channel and searched by number.
      const list = await admin.get(
        `/staff/orgs/${SECURUS}/suppressions?channel=sms&q=${encodeURIComponent(stopped.slice(-6))}`,
      );
      expect(list.status).toBe(200);
      expect(list.body).toContain(stopped);
      expect(list.body).not.toContain(restarted);

      // Another organisation's key reads nothing of this one; no key, a made-up key and a revoked key are refused.
      const pronto = await makeKey(PRONTO);
      for (const path of [
        `${base}/check?channel=sms&address=${encodeURIComponent(stopped)}`,
        `${base}/changes?cursor=0`,
        `${base}/unsubscribe-headers?email=a@b.org`,
      ]) {
        const other = await api(path, pronto.key);
        expect({ path, status: other.status }).toEqual({ path, status: 404 });
        expect(other.text).not.toContain(stopped);
        expect((await api(path)).status).toBe(401);
        expect((await api(path, `rdk_${'x'.repeat(43)}`)).status).toBe(401);
      }
      const keysPage = await admin.get(`/staff/orgs/${SECURUS}/api-keys`);
      const keyId = /data-key-id="([0-9a-f-]{36})"/.exec(keysPage.body)![1];
      const revoked = await admin.post(`/staff/orgs/${SECURUS}/api-keys/${keyId}/revoke`, {
        _csrf: csrfTokenIn(keysPage.body),
      });
      expect(revoked.status).toBe(303);
      expect((await api(`${base}/changes?cursor=0`, key)).status).toBe(401);
    }, 90_000);
  });
});

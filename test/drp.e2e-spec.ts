import { connect } from 'node:net';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { computeDeadlines, publicHolidayCalendar } from '#workflow';

import { runCli } from './support/cli.js';
import { agentId, type Answer, person, ScriptedAgent } from './support/drp-agent.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { confirmFromMail } from './support/requester.js';
import { useRunningSystem } from './support/system-fixture.js';

describe('the Data Rights Protocol 0.9.4: a scripted agent against the real system', () => {
  const system = useRunningSystem({ db: 'pg' });
  let agent: ScriptedAgent;
  let other: ScriptedAgent;

  beforeAll(async () => {
    agent = new ScriptedAgent(system.baseUrl, agentId('SCRIPTED'));
    other = new ScriptedAgent(system.baseUrl, agentId('OTHER'));
    for (const a of [agent, other]) {
      const registered = await runCli(['drp-agent', 'register', a.id, `Agent ${a.id}`, a.verifyKey]);
      expect(registered).toMatchObject({ code: 0, stdout: `drp-agent: ${a.id} added\n` });
    }
  }, 60_000);

  it('registers agents only with a well-formed id and key', async () => {
    expect(await runCli(['drp-agent', 'register', 'lower_case', 'x', agent.verifyKey])).toMatchObject({ code: 1 });
    const hexKey = await runCli(['drp-agent', 'register', agentId('HEX'), 'x', 'ab'.repeat(32)]);
    expect(hexKey.code).toBe(1);
    expect(hexKey.stderr).toContain('base64 of a 32-byte Ed25519 public key');
  }, 30_000);

  it("publishes each business's directory entry with only the actions its policy grants", async () => {
    const prontotrak = await agent.call('GET', '/drp/prontotrak/business.json');
    expect(prontotrak.status).toBe(200);
    expect(prontotrak.json).toEqual({
      id: 'PRONTOTRAK',
      name: 'ProntoTrak',
      logo: null,
      api_base: `${system.baseUrl}/drp/prontotrak`,
      supported_actions: ['sale:opt_out', 'deletion', 'access', 'access:categories', 'access:specific'],
      supported_verifications: ['email'],
      business_contact: 'Privacy@prontotrak.com',
    });
    // UK GDPR rights are neither CCPA nor voluntary: nothing to advertise.
    expect((await agent.call('GET', '/drp/securus-software/business.json')).json).toMatchObject({
      supported_actions: [],
    });
    expect(await agent.call('GET', '/drp/no-such-business/business.json')).toMatchObject({
      status: 404,
      json: { code: '404' },
    });
  });

  it('sets up pair-wise tokens (§2.05) and answers the agent information endpoint (§2.06)', async () => {
    const setup = await agent.pairwiseSetup('prontotrak');
    expect(setup.status).toBe(200);
    expect(setup.json).toEqual({ 'agent-id': agent.id, token: expect.any(String) });
    expect(
      await agent.call('GET', `/drp/prontotrak/v1/agent/${agent.id}`, { token: agent.tokens.get('prontotrak') }),
    ).toMatchObject({ status: 200, json: {} });
    expect((await agent.pairwiseSetup('officertrak')).status).toBe(200);
    expect((await other.pairwiseSetup('prontotrak')).status).toBe(200);

    // §2.06.1: the token of one agent presented for another's id is 403.
    expect(
      await agent.call('GET', `/drp/prontotrak/v1/agent/${other.id}`, { token: agent.tokens.get('prontotrak') }),
    ).toMatchObject({
      status: 403,
      json: { code: '403' },
    });
    expect(await agent.call('GET', `/drp/prontotrak/v1/agent/${agent.id}`)).toMatchObject({
      status: 401,
      json: { code: '401' },
    });
    expect(await agent.call('GET', `/drp/prontotrak/v1/agent/${agent.id}`, { token: 'made-up-token' })).toMatchObject({
      status: 401,
    });
    // A token is for one agent–business pair.
    expect(
      await agent.call('GET', `/drp/securus-technologies/v1/agent/${agent.id}`, {
        token: agent.tokens.get('prontotrak'),
      }),
    ).toMatchObject({
      status: 401,
    });
  });

  it('refuses every invalid pair-wise setup with 403 and no body (§2.05.1)', async () => {
    const refusals: Answer[] = [
      // signed by another key than the registered one
      await agent.call('POST', `/drp/prontotrak/v1/agent/${agent.id}`, {
        body: other.signed(agent.envelope('prontotrak')),
      }),
      // the URL names another agent than the message
      await agent.pairwiseSetup('prontotrak', agent.envelope('prontotrak'), other.id),
      // an agent the registry does not know
      await agent.pairwiseSetup(
        'prontotrak',
        agent.envelope('prontotrak', { 'agent-id': 'UNKNOWN_AGENT' }),
        'UNKNOWN_AGENT',
      ),
      // another business's id
      await agent.pairwiseSetup('prontotrak', agent.envelope('officertrak')),
      // expired, and issued in the future
      await agent.pairwiseSetup(
        'prontotrak',
        agent.envelope('prontotrak', { 'expires-at': new Date(Date.now() - 1000).toISOString() }),
      ),
      await agent.pairwiseSetup(
        'prontotrak',
        agent.envelope('prontotrak', { 'issued-at': new Date(Date.now() + 120_000).toISOString() }),
      ),
      // no drp.version
      await agent.pairwiseSetup('prontotrak', { ...agent.envelope('prontotrak'), 'drp.version': undefined }),
      // not signed at all
      await agent.call('POST', `/drp/prontotrak/v1/agent/${agent.id}`, {
        body: JSON.stringify(agent.envelope('prontotrak')),
      }),
    ];
    for (const refusal of refusals)
      expect({ status: refusal.status, body: refusal.text }).toEqual({ status: 403, body: '' });

    // The same signed setup message twice: the second is a replay.
    const body = agent.signed(agent.envelope('west-schoolmessenger'));
    expect((await agent.call('POST', `/drp/west-schoolmessenger/v1/agent/${agent.id}`, { body })).status).toBe(200);
    expect(await agent.call('POST', `/drp/west-schoolmessenger/v1/agent/${agent.id}`, { body })).toMatchObject({
      status: 403,
      text: '',
    });
  });

  it('exercises a CCPA deletion through the intake, polls its status through verification, and revokes it', async () => {
    const email = `drp-delete-${Date.now()}@example.org`;
    const exercised = await agent.exercise('prontotrak', {
      exercise: 'deletion',
      regime: 'ccpa',
      'agent-request-id': 'agent-ref-1',
      relationships: ['customer'],
      status_callback: 'https://agent.example/status',
      ...person(email),
    });
    expect(exercised.status).toBe(200);
    const body = exercised.json!;
    const requestId = String(body.request_id);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const { rows } = await system.db.query(
      `SELECT r.id, r.status, r.channel, r.relationship, r.right_id, r.requester_name, r.requester_email, r.requester_phone, r.received_at, r.due_at,
              d.agent_id, d.exercise, d.drp_regime, d.email_verified, d.agent_request_id, d.status_callback, d.relationships
         FROM drp_request d JOIN data_subject_request r ON r.id = d.request_id WHERE d.drp_request_id = $1`,
      [requestId],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      status: 'unverified',
      channel: 'agent',
      relationship: 'agent',
      right_id: 'ccpa-deletion',
      requester_name: 'Grace Hopper',
      requester_email: email,
      requester_phone: '+14155550100',
      agent_id: agent.id,
      exercise: 'deletion',
      drp_regime: 'ccpa',
      email_verified: true,
      agent_request_id: 'agent-ref-1',
      status_callback: 'https://agent.example/status',
      relationships: ['customer'],
    });
    // The request id the agent holds is not our row's.
    expect(row.id).not.toBe(requestId);
    // CCPA: 45 calendar days from receipt, in ProntoTrak's time zone.
    const due = computeDeadlines({
      regime: 'ccpa',
      requestType: 'deletion',
      receivedAt: row.received_at,
      timeZone: 'America/New_York',
      calendar: publicHolidayCalendar('US'),
    }).dueAt;
    // §3.02.1: the agent can tell its user to act, and where to read how.
    const userVerificationUrl = `${system.baseUrl}/o/prontotrak/drp/${requestId}/confirm`;
    expect(body).toEqual({
      request_id: requestId,
      status: 'in_progress',
      reason: 'need_user_verification',
      user_verification_url: userVerificationUrl,
      received_at: row.received_at.toISOString(),
      expected_by: due.toISOString(),
      agent_request_id: 'agent-ref-1',
      processing_details: 'Waiting for the requester to confirm the request from the email sent to their address.',
    });
    const verificationPage = await fetch(
      `${userVerificationUrl}?redirect_to=${encodeURIComponent('https://agent.example/done')}&request_id=${requestId}`,
      { redirect: 'manual' },
    );
    expect(verificationPage.status).toBe(200);
    const verificationText = await verificationPage.text();
    expect(verificationText).toContain('Confirm your request to ProntoTrak');
    expect(verificationText).toContain('Open the link in that email');
    expect(verificationText).not.toContain(email);
    // The request_id the agent appends must be the page's own.
    expect((await fetch(`${userVerificationUrl}?request_id=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const { rows: received } = await system.db.query(
      `SELECT action, detail FROM audit_entry WHERE request_id = $1 ORDER BY seq`,
      [row.id],
    );
    expect(received).toEqual([
      { action: 'request.received', detail: { channel: 'agent', rightId: 'ccpa-deletion', dueAt: due.toISOString() } },
    ]);

    // The requester confirms from the mail, as from the web form; the agent's poll shows it.
    await confirmFromMail(system.sink, system.baseUrl, email);
    const confirmed = (await agent.status('prontotrak', requestId)).json;
    expect(confirmed).toMatchObject({
      request_id: requestId,
      status: 'in_progress',
      expected_by: due.toISOString(),
      processing_details: 'Received and confirmed; waiting to be worked on.',
    });
    expect(confirmed).not.toHaveProperty('reason');
    expect(confirmed).not.toHaveProperty('user_verification_url');
    expect(await (await fetch(userVerificationUrl)).text()).toContain('no longer waits for your confirmation');

    const revoked = await agent.revoke('prontotrak', requestId);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toEqual({
      request_id: requestId,
      status: 'revoked',
      received_at: row.received_at.toISOString(),
      agent_request_id: 'agent-ref-1',
      processing_details: 'Withdrawn.',
    });
    const { rows: after } = await system.db.query(`SELECT status, closed_at FROM data_subject_request WHERE id = $1`, [
      row.id,
    ]);
    expect(after[0].status).toBe('withdrawn');
    expect(after[0].closed_at).not.toBeNull();
    const { rows: audit } = await system.db.query(
      `SELECT action, actor_label FROM audit_entry WHERE request_id = $1 ORDER BY seq DESC LIMIT 1`,
      [row.id],
    );
    expect(audit[0]).toEqual({ action: 'request.withdrawn', actor_label: `drp agent ${agent.id}` });
    const mails = await system.sink.waitForMailsTo(email, 2);
    expect(mails.map((m) => m.subject)).toContain(
      `Your privacy request ${await referenceOf(row.id)} to ProntoTrak is withdrawn`,
    );

    expect((await agent.status('prontotrak', requestId)).json).toMatchObject({ status: 'revoked' });
    // A closed request cannot be revoked again.
    expect(await agent.revoke('prontotrak', requestId)).toMatchObject({
      status: 409,
      json: { code: '409', message: 'The request is already withdrawn' },
    });
  }, 30_000);

  it('spends a signed revoke once, on the request it names', async () => {
    const firstEmail = `drp-revoke-one-${Date.now()}@example.org`;
    const exercise = async (email: string) =>
      String(
        (await agent.exercise('prontotrak', { exercise: 'access:categories', regime: 'ccpa', ...person(email) })).json!
          .request_id,
      );
    const [first, second] = [await exercise(firstEmail), await exercise(`drp-revoke-two-${Date.now()}@example.org`)];
    // The consumer opens the confirmation page before the agent revokes; they press the button after.
    const verifyUrl = linkIn((await system.sink.waitForMailsTo(firstEmail))[0].text, system.baseUrl, '/v/');
    const consumer = new FormClient(system.baseUrl);
    const csrf = csrfTokenIn((await consumer.get(verifyUrl)).body);
    const token = agent.tokens.get('prontotrak');
    const revoke = (requestId: string, body: string) =>
      agent.call('DELETE', `/drp/prontotrak/v1/data-rights-request/${requestId}`, { body, token });
    const statusOf = async (requestId: string) =>
      (
        await system.db.query(
          `SELECT r.status FROM drp_request d JOIN data_subject_request r ON r.id = d.request_id WHERE d.drp_request_id = $1`,
          [requestId],
        )
      ).rows[0].status;

    const forFirst = agent.signed({ request_id: first, reason: 'changed my mind' });
    expect(await revoke(first, forFirst)).toMatchObject({ status: 200, json: { status: 'revoked' } });
    // The consumer's page now says so, instead of offering to confirm and then calling it already confirmed.
    for (const answer of [await consumer.get(verifyUrl), await consumer.post(verifyUrl, { _csrf: csrf })]) {
      expect(answer.status).toBe(410);
      expect(answer.body).toContain('This request was withdrawn');
      expect(answer.body).not.toMatch(/Confirm my request|Already confirmed/);
    }
    // The same signed body against another request, and again against its own: both refused, nothing revoked.
    expect(await revoke(second, forFirst)).toMatchObject({ status: 403, json: { code: '403', fatal: true } });
    expect(await revoke(first, forFirst)).toMatchObject({ status: 403, json: { code: '403', fatal: true } });
    // A body that names no request is refused before anything is done.
    expect(await revoke(second, agent.signed({ reason: 'changed my mind' }))).toMatchObject({
      status: 400,
      json: { code: '400', message: expect.stringMatching(/request_id/) },
    });
    expect(await statusOf(second)).toBe('unverified');
    expect((await agent.revoke('prontotrak', second)).status).toBe(200);
  });

  it('files a voluntary sale opt-out (no regime) under the policy right, honoured at once with its suppression', async () => {
    const email = `drp-optout-${Date.now()}@example.org`;
    const exercised = await agent.exercise('prontotrak', { exercise: 'sale:opt_out', ...person(email) });
    expect(exercised).toMatchObject({ status: 200, json: { status: 'fulfilled' } });
    const { rows } = await system.db.query(
      `SELECT r.status, r.right_id FROM drp_request d JOIN data_subject_request r ON r.id = d.request_id WHERE d.drp_request_id = $1`,
      [exercised.json!.request_id],
    );
    expect(rows).toEqual([{ status: 'fulfilled', right_id: 'third-party-marketing-opt-out' }]);
    const suppressions = await system.db.query(
      `SELECT s.channel, s.source FROM suppression s JOIN drp_request d ON d.request_id = s.request_id WHERE d.drp_request_id = $1 AND s.ended_at IS NULL`,
      [exercised.json!.request_id],
    );
    expect(suppressions.rows).toEqual([{ channel: 'sale_share', source: 'drp' }]);
    const [confirmation] = await system.sink.waitForMailsTo(email);
    expect(confirmation.subject).toMatch(/^Your opt-out RD-.* is in effect$/);
  });

  it('keeps each agent to its own requests and each business to its own (§2.02.1)', async () => {
    const email = `drp-own-${Date.now()}@example.org`;
    const requestId = String(
      (await agent.exercise('prontotrak', { exercise: 'access:categories', regime: 'ccpa', ...person(email) })).json!
        .request_id,
    );

    expect(await other.status('prontotrak', requestId)).toMatchObject({ status: 403, json: { code: '403' } });
    expect(await other.revoke('prontotrak', requestId)).toMatchObject({ status: 403, json: { code: '403' } });
    // Through another business's endpoints, with the agent's own token there, the request does not exist.
    expect(await agent.status('officertrak', requestId)).toMatchObject({ status: 404, json: { code: '404' } });
    expect(await agent.revoke('officertrak', requestId)).toMatchObject({ status: 404 });
    const { rows } = await system.db.query(
      `SELECT r.status FROM drp_request d JOIN data_subject_request r ON r.id = d.request_id WHERE d.drp_request_id = $1`,
      [requestId],
    );
    expect(rows).toEqual([{ status: 'unverified' }]);

    expect(await agent.status('prontotrak', '00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      json: { code: '404' },
    });
    expect(await agent.status('prontotrak', 'not-a-uuid')).toMatchObject({ status: 404 });
  });

  it("answers the protocol's errors for bad input, and files nothing", async () => {
    const email = `drp-bad-${Date.now()}@example.org`;
    const count = async () =>
      Number(
        (await system.db.query(`SELECT count(*) FROM data_subject_request WHERE requester_email = $1`, [email])).rows[0]
          .count,
      );
    const claims = { exercise: 'deletion', regime: 'ccpa', ...person(email) };
    const token = agent.tokens.get('prontotrak');
    const post = (body: string, contentType?: string) =>
      agent.call('POST', '/drp/prontotrak/v1/data-rights-request', { body, token, contentType });

    const cases: [string, Answer, number, RegExp][] = [
      ['no bearer token', await agent.exercise('prontotrak', claims, null as unknown as string), 401, /bearer token/],
      ['an unknown token', await agent.exercise('prontotrak', claims, 'x'.repeat(43)), 401, /not valid/],
      ['a body that is not base64', await post('{"exercise": "deletion"}'), 400, /base64/],
      [
        'a signature by another key',
        await post(other.signed({ ...agent.envelope('prontotrak'), ...claims })),
        403,
        /signature/,
      ],
      ['a signed body that is not JSON', await post(agent.signed('{"exercise": ')), 400, /not valid JSON/],
      ['a signed JSON array', await post(agent.signed([claims])), 400, /JSON object/],
      ['JSON sent as application/json', await post(JSON.stringify(claims), 'application/json'), 415, /text\/plain/],
      [
        'broken JSON sent as application/json',
        await post('{"exercise": ', 'application/json'),
        415,
        /^Send the signed request as text\/plain/,
      ],
      [
        'a signed body sent as octet-stream',
        await post(agent.signed({ ...agent.envelope('prontotrak'), ...claims }), 'application/octet-stream'),
        415,
        /text\/plain/,
      ],
      [
        'an unknown action',
        await agent.exercise('prontotrak', { ...claims, exercise: 'correction' }),
        400,
        /^Unsupported rights action/,
      ],
      [
        'an action the policy does not grant',
        await agent.exercise('prontotrak', { ...claims, exercise: 'access:categories', regime: undefined }),
        400,
        /does not offer "access:categories" under the voluntary regime/,
      ],
      [
        'an unsupported regime',
        await agent.exercise('prontotrak', { ...claims, regime: 'gdpr' }),
        400,
        /^Unsupported regime/,
      ],
      [
        'another version',
        await agent.exercise('prontotrak', { ...claims, 'drp.version': '0.9.3' }),
        400,
        /drp\.version/,
      ],
      ['no email claim', await agent.exercise('prontotrak', { ...claims, email: undefined }), 400, /"email"/],
      [
        'a malformed phone claim',
        await agent.exercise('prontotrak', { ...claims, phone_number: 'call me' }),
        400,
        /"phone_number"/,
      ],
      [
        "another agent's id inside",
        await agent.exercise('prontotrak', { ...claims, 'agent-id': other.id }),
        403,
        /agent-id/,
      ],
      [
        "another business's id inside",
        await agent.exercise('prontotrak', { ...claims, 'business-id': 'OFFICERTRAK' }),
        403,
        /business-id/,
      ],
      [
        'a stale message',
        await agent.exercise('prontotrak', { ...claims, 'expires-at': new Date(Date.now() - 1000).toISOString() }),
        403,
        /expired/,
      ],
      [
        'a message from the future',
        await agent.exercise('prontotrak', { ...claims, 'issued-at': new Date(Date.now() + 120_000).toISOString() }),
        403,
        /future/,
      ],
      [
        'a timestamp without offset',
        await agent.exercise('prontotrak', { ...claims, 'issued-at': '2026-01-01T00:00:00' }),
        400,
        /issued-at/,
      ],
    ];
    for (const [what, answer, status, message] of cases) {
      expect({ what, status: answer.status, code: answer.json?.code }).toEqual({ what, status, code: String(status) });
      expect(String(answer.json?.message)).toMatch(message);
    }
    // §2.01: an expired request is a fatal error.
    expect(cases.find(([what]) => what === 'a stale message')![1].json).toMatchObject({ fatal: true });
    expect(await count()).toBe(0);

    // The very same signed request twice: one request, and the replay refused as fatal.
    const body = agent.signed({ ...agent.envelope('prontotrak'), ...claims });
    expect((await post(body)).status).toBe(200);
    expect(await post(body)).toMatchObject({ status: 403, json: { code: '403', fatal: true } });
    expect(await count()).toBe(1);
  });

  it('speaks "1.0", the 0.9.4 text renumbered, as well as 0.9.4', async () => {
    const email = `drp-v1-${Date.now()}@example.org`;
    const v1 = new ScriptedAgent(system.baseUrl, agentId('VERSION_ONE'));
    expect((await runCli(['drp-agent', 'register', v1.id, `Agent ${v1.id}`, v1.verifyKey])).code).toBe(0);
    expect((await v1.pairwiseSetup('prontotrak', v1.envelope('prontotrak', { 'drp.version': '1.0' }))).status).toBe(
      200,
    );
    const exercised = await v1.exercise('prontotrak', {
      'drp.version': '1.0',
      exercise: 'access:categories',
      regime: 'ccpa',
      ...person(email),
    });
    expect(exercised).toMatchObject({ status: 200, json: { status: 'in_progress' } });
    const { rows } = await system.db.query(`SELECT drp_version FROM drp_request WHERE drp_request_id = $1`, [
      exercised.json!.request_id,
    ]);
    expect(rows).toEqual([{ drp_version: '1.0' }]);
  }, 30_000);

  it('answers a body over the limit with a readable 413, before reading it or by closing gracefully', async () => {
    const port = Number(new URL(system.baseUrl).port);
    const token = agent.tokens.get('prontotrak')!;
    const head = (extra: string) =>
      `POST /drp/prontotrak/v1/data-rights-request HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: text/plain\r\n${extra}\r\n`;
    const big = 'A'.repeat(256 * 1024);

    // Declared too large: refused on the header while the agent is still sending; it reads the 413 in full.
    const declared = await rawExchange(port, [head(`Content-Length: ${10 * 1024 * 1024}\r\n`), big]);
    expect(declared.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(declared.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(declared.text).toContain('{"code":"413","message":"The signed request is larger than 64 KB."}');

    // Chunked, no length: read until past the limit, then the same readable 413 and a graceful close.
    const chunked = await rawExchange(port, [
      head('Transfer-Encoding: chunked\r\n'),
      `${big.length.toString(16)}\r\n${big}\r\n`,
      '0\r\n\r\n',
    ]);
    expect(chunked.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunked.text).toContain('{"code":"413","message":"The signed request is larger than 64 KB."}');

    // A refusal of a small body keeps the keep-alive connection: the next request on it is answered.
    const wrongType =
      'POST /drp/prontotrak/v1/data-rights-request HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';
    const next = 'GET /drp/prontotrak/business.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const kept = await rawExchange(port, [wrongType, next]);
    expect(kept.text).toMatch(/^HTTP\/1\.1 415 /);
    expect(kept.text).toContain('"id":"PRONTOTRAK"');
  }, 30_000);

  it('answers an empty body as JSON or a form as it answers an empty text/plain one, at once', async () => {
    const token = agent.tokens.get('prontotrak')!;
    // `Content-Length: 0` passes the DRP gate as no body, but the api's JSON and form parsers read it when it is
    // their type: the signed-body routes must still answer.
    const answer = async (method: string, path: string, type: string) => ({
      method,
      path,
      type,
      answer: await fetch(`${system.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: '',
        signal: AbortSignal.timeout(5_000),
      }).then(
        async (response) => `${response.status} ${await response.text()}`,
        (error: Error) => `none within 5 s (${error.name})`,
      ),
    });
    const routes = [
      ['POST', `/drp/prontotrak/v1/agent/${agent.id}`],
      ['POST', '/drp/prontotrak/v1/data-rights-request'],
      ['DELETE', '/drp/prontotrak/v1/data-rights-request/00000000-0000-0000-0000-000000000000'],
    ];
    const types = ['application/json', 'application/x-www-form-urlencoded'];
    const plain = await Promise.all(routes.map(([method, path]) => answer(method, path, 'text/plain')));
    for (const expected of plain) expect(expected.answer).toMatch(/^4\d\d /);
    // All at once, so a failure names every route that gives no answer.
    const typed = await Promise.all(
      routes.flatMap(([method, path]) => types.map((type) => answer(method, path, type))),
    );
    expect(typed).toEqual(plain.flatMap((expected) => types.map((type) => ({ ...expected, type }))));
  });

  it('refuses an expired token and takes a new one from a new pair-wise setup', async () => {
    const stale = other.tokens.get('prontotrak')!;
    await system.db.query(`UPDATE drp_agent_token SET expires_at = now() - interval '1 second' WHERE agent_id = $1`, [
      other.id,
    ]);
    expect(await other.call('GET', `/drp/prontotrak/v1/agent/${other.id}`, { token: stale })).toMatchObject({
      status: 401,
      json: { code: '401', message: 'The bearer token has expired: repeat the pair-wise key setup.' },
    });
    expect((await other.pairwiseSetup('prontotrak')).status).toBe(200);
    expect(other.tokens.get('prontotrak')).not.toBe(stale);
    expect(
      (await other.call('GET', `/drp/prontotrak/v1/agent/${other.id}`, { token: other.tokens.get('prontotrak') }))
        .status,
    ).toBe(200);
    // The new token replaced the old one.
    expect((await other.call('GET', `/drp/prontotrak/v1/agent/${other.id}`, { token: stale })).status).toBe(401);
  });

  // Last: it spends this address's allowance of setups for the window.
  it("limits pair-wise setups per address, answering 429 in the protocol's error shape", async () => {
    let limited: Answer | undefined;
    // 30 a window; twice that and one more cannot all fit, even across a window's turn.
    for (let i = 0; i < 61 && !limited; i++) {
      const answer = await agent.call('POST', `/drp/prontotrak/v1/agent/${agent.id}`, {
        body: other.signed(agent.envelope('prontotrak')),
      });
      if (answer.status === 429) limited = answer;
      else expect(answer).toMatchObject({ status: 403, text: '' });
    }
    expect(limited?.json).toEqual({ code: '429', message: 'Too many requests: please wait before trying again.' });
  });

  /** Writes the pieces on one raw socket, one after the other as the socket takes them, and reads until it closes. */
  function rawExchange(port: number, pieces: string[]): Promise<{ text: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (chunk) => received.push(chunk));
      // A reset loses what was not yet read: that is the failure this looks for, so it fails the exchange.
      socket.on('error', reject);
      socket.on('close', () => resolve({ text: Buffer.concat(received).toString('latin1') }));
      socket.once('connect', async () => {
        for (const piece of pieces)
          if (!socket.write(piece)) await new Promise((drained) => socket.once('drain', drained));
      });
      setTimeout(() => socket.destroy(new Error('no answer within 15 s')), 15_000).unref();
    });
  }

  async function referenceOf(id: string): Promise<string> {
    return (await system.db.query(`SELECT reference FROM data_subject_request WHERE id = $1`, [id])).rows[0].reference;
  }
});

import { describe, expect, it } from '@jest/globals';

import { csrfTokenIn, FormClient, linkIn, multipartActionIn, referenceIn } from './support/form-client.js';
import { SIGNED_DECLARATION } from './support/requester.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

// A small but real PDF: what an agent would scan the consumer's signed letter into.
const PERMISSION_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface AgentPost {
  slug: string;
  rightId: string;
  consumerEmail: string;
  agentEmail: string;
  fields?: Record<string, string>;
  file?: { name: string; type: string; content: string | Uint8Array } | null;
}

// One system for both parts: the agent path and the processor redirect are two routes through the same form.
const system = useRunningSystem({ db: 'pg' });

describe('authorised agents on the web form (CCPA regs §7063)', () => {
  const unique = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

  /** Posts the form as a browser does: multipart, with the page's CSRF token and the permission file. */
  async function postAsAgent(post: AgentPost) {
    const client = new FormClient(system.baseUrl);
    const page = await client.get(`/o/${post.slug}/requests/new`);
    const fields = {
      _csrf: csrfTokenIn(page.body),
      website: '',
      name: 'Ada Lovelace',
      email: post.consumerEmail,
      phone: '',
      rightId: post.rightId,
      details: 'Customer since 2019',
      relationship: 'agent',
      agentName: 'Privacy Helpers',
      agentEmail: post.agentEmail,
      agentRegistration: '',
      ...SIGNED_DECLARATION,
      ...post.fields,
    };
    const file =
      post.file === undefined
        ? { name: 'signed permission.pdf', type: 'application/pdf', content: PERMISSION_PDF }
        : post.file;
    return client.postMultipart(multipartActionIn(page.body), fields, file ? [{ field: 'permission', ...file }] : []);
  }

  async function storedFor(email: string) {
    return (
      await system.db.query<{
        id: string;
        status: string;
        relationship: string;
        channel: string;
        reference: string;
        requester_name: string;
      }>(
        'SELECT id, status, relationship, channel, reference, requester_name FROM data_subject_request WHERE requester_email = $1',
        [email],
      )
    ).rows;
  }

  async function agentRowOf(requestId: string) {
    return (
      await system.db.query<{
        name: string;
        email: string;
        is_business: boolean;
        registration_number: string | null;
        permission_content_type: string;
        permission_content: Buffer;
      }>(
        'SELECT name, email, is_business, registration_number, permission_content_type, permission_content FROM request_agent WHERE request_id = $1',
        [requestId],
      )
    ).rows[0];
  }

  async function expectNothingSaved(consumerEmail: string, agentEmail: string): Promise<void> {
    expect(await storedFor(consumerEmail)).toEqual([]);
    expect((await system.db.query('SELECT 1 FROM request_agent WHERE email = $1', [agentEmail])).rowCount).toBe(0);
  }

  it('stores the agent and the permission with the request, mails the consumer (not the agent) to confirm, and the confirmation verifies it', async () => {
    const consumerEmail = unique('consumer');
    const agentEmail = unique('agent');
    const response = await postAsAgent({
      slug: 'securus-technologies',
      rightId: 'ccpa-know',
      consumerEmail,
      agentEmail,
    });
    expect(response.status).toBe(201);
    expect(response.body).toContain('The person you act for must confirm it.');
    const reference = referenceIn(response.body);

    const [stored] = await storedFor(consumerEmail);
    expect(stored).toMatchObject({
      reference,
      status: 'unverified',
      relationship: 'agent',
      channel: 'agent',
      requester_name: 'Ada Lovelace',
    });
    const agent = await agentRowOf(stored.id);
    expect(agent).toMatchObject({
      name: 'Privacy Helpers',
      email: agentEmail,
      is_business: false,
      registration_number: null,
      permission_content_type: 'application/pdf',
    });
    expect(Buffer.compare(agent.permission_content, PERMISSION_PDF)).toBe(0);

    // The consumer confirms directly; the agent gets a receipt without any link into the request.
    const [toConsumer] = await system.sink.waitForMailsTo(consumerEmail);
    expect(toConsumer.subject).toBe(
      `Privacy Helpers made a privacy request to Securus Technologies for you: please confirm (${reference})`,
    );
    expect(toConsumer.text).toContain('Privacy Helpers asked Securus Technologies on your behalf');
    expect(toConsumer.text).toContain('Confirm only if you gave Privacy Helpers permission');
    const [toAgent] = await system.sink.waitForMailsTo(agentEmail);
    expect(toAgent.text).toContain(reference);
    expect(toAgent.text).toContain('It waits for the person you act for to confirm');
    expect(toAgent.text).not.toContain(system.baseUrl);
    expect(toAgent.text).not.toContain('Ada Lovelace');
    expect(toAgent.text).not.toContain(consumerEmail);
    expect(system.sink.mailsTo(agentEmail)).toHaveLength(1);

    const verifyUrl = linkIn(toConsumer.text, system.baseUrl, '/v/');
    const consumer = new FormClient(system.baseUrl);
    const page = await consumer.get(verifyUrl);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Did you ask Privacy Helpers to make this request?');
    expect(page.body).toContain('I did not authorise this');
    const confirmed = await consumer.post(verifyUrl, { _csrf: csrfTokenIn(page.body) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('your request is confirmed');
    expect((await storedFor(consumerEmail))[0].status).toBe('verified');

    // Staff see the agent and download the permission as an attachment, never rendered in place.
    const staff = await signIn(system.baseUrl, await createStaff({ 'securus-technologies': 'auditor' }));
    const requestPage = await staff.get(`/staff/orgs/securus-technologies/requests/${stored.id}`);
    expect(requestPage.status).toBe(200);
    expect(requestPage.body).toContain('<h2>Authorised agent</h2>');
    expect(requestPage.body).toContain(agentEmail);
    expect(requestPage.body).toContain('confirmed directly by the consumer');
    const download = await staff.getBytes(`/staff/orgs/securus-technologies/requests/${stored.id}/agent-permission`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="signed permission.pdf"');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.compare(download.bytes, PERMISSION_PDF)).toBe(0);
  }, 60_000);

  it('lets the consumer refuse: "I did not authorise this" closes the request unverified, audited, and uses up the link', async () => {
    const consumerEmail = unique('refuser');
    const agentEmail = unique('agent');
    expect(
      (await postAsAgent({ slug: 'securus-technologies', rightId: 'ccpa-know', consumerEmail, agentEmail })).status,
    ).toBe(201);
    const [mail] = await system.sink.waitForMailsTo(consumerEmail);
    const verifyUrl = linkIn(mail.text, system.baseUrl, '/v/');
    const consumer = new FormClient(system.baseUrl);
    const page = await consumer.get(verifyUrl);

    const refused = await consumer.post(`${verifyUrl}/refuse`, { _csrf: csrfTokenIn(page.body) });
    expect(refused.status).toBe(200);
    expect(refused.body).toContain('The request is closed');

    const [stored] = await storedFor(consumerEmail);
    expect(stored.status).toBe('closed_unverified');
    const audit = await system.db.query<{ action: string; actor_label: string }>(
      'SELECT action, actor_label FROM audit_entry WHERE request_id = $1 ORDER BY seq',
      [stored.id],
    );
    expect(audit.rows.map((r) => r.action)).toContain('request.agent_authority_refused');
    expect(audit.rows.find((r) => r.action === 'request.agent_authority_refused')?.actor_label).toBe('requester');
    // The link cannot confirm it afterwards.
    const again = await consumer.get(verifyUrl);
    expect(again.status).toBe(410);
    expect(again.body).toContain('This link has already been used');
  }, 60_000);

  it("enforces ProntoTrak's rule: an agent without a Secretary of State registration number is refused beside the field, and nothing is saved", async () => {
    const consumerEmail = unique('pronto');
    const agentEmail = unique('agent');
    const refused = await postAsAgent({
      slug: 'prontotrak',
      rightId: 'deletion',
      consumerEmail,
      agentEmail,
      fields: { residence: 'elsewhere' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(
      '<span class="error" id="agentRegistration-error">ProntoTrak accepts requests only from agents registered with the California Secretary of State: enter the registration number.</span>',
    );
    expect(refused.body).toContain('id="agent-registration-rule"');
    expect(refused.body).toContain(`value="${agentEmail}"`);
    expect(refused.body).toContain('value="Privacy Helpers"');
    await expectNothingSaved(consumerEmail, agentEmail);

    const accepted = await postAsAgent({
      slug: 'prontotrak',
      rightId: 'deletion',
      consumerEmail,
      agentEmail,
      fields: { residence: 'elsewhere', agentRegistration: 'C1234567', agentIsBusiness: 'yes' },
    });
    expect(accepted.status).toBe(201);
    const [stored] = await storedFor(consumerEmail);
    expect(await agentRowOf(stored.id)).toMatchObject({ is_business: true, registration_number: 'C1234567' });
  }, 60_000);

  it('asks other organisations for a registration number only from a business acting on a CCPA request', async () => {
    const business = { agentIsBusiness: 'yes' };
    const ccpa = await postAsAgent({
      slug: 'securus-technologies',
      rightId: 'ccpa-know',
      consumerEmail: unique('c'),
      agentEmail: unique('a'),
      fields: business,
    });
    expect(ccpa.status).toBe(400);
    expect(ccpa.body).toContain(
      'A business acting on a California request must be registered with the California Secretary of State',
    );
    // OfficerTRAK's rights are under no law (regime none) and its policy has no such rule.
    const officertrak = await postAsAgent({
      slug: 'officertrak',
      rightId: 'access',
      consumerEmail: unique('o'),
      agentEmail: unique('a'),
      fields: business,
    });
    expect(officertrak.status).toBe(201);
    expect((await new FormClient(system.baseUrl).get('/o/officertrak/requests/new')).body).not.toContain(
      'id="agent-registration-rule"',
    );
  }, 60_000);

  it('refuses an oversize or wrong-type permission, or none, with a 400 page saying why beside the field, and saves nothing', async () => {
    const cases: { file: AgentPost['file']; message: string }[] = [
      {
        file: {
          name: 'big.pdf',
          type: 'application/pdf',
          content: Buffer.concat([PERMISSION_PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PERMISSION_PDF.length)]),
        },
        message: 'The signed permission may be at most 10 MB.',
      },
      {
        file: { name: 'permission.pdf', type: 'application/pdf', content: '<html><script>alert(1)</script></html>' },
        message: 'The signed permission must be a PDF, PNG or JPEG file; this file is none of them.',
      },
      { file: null, message: "Attach the consumer's signed permission: a PDF, PNG or JPEG file." },
    ];
    for (const { file, message } of cases) {
      const consumerEmail = unique('upload');
      const agentEmail = unique('agent');
      const response = await postAsAgent({
        slug: 'securus-technologies',
        rightId: 'ccpa-know',
        consumerEmail,
        agentEmail,
        file,
      });
      expect({ message, status: response.status }).toEqual({ message, status: 400 });
      expect(response.body).toContain(
        `<span class="error" id="permission-error">${message.replace("'", '&#39;')}</span>`,
      );
      // The fields sent before the file are kept for the requester to send again.
      expect(response.body).toContain(`value="${consumerEmail}"`);
      expect(response.body).toContain(`value="${agentEmail}"`);
      await expectNothingSaved(consumerEmail, agentEmail);
    }
  }, 90_000);
});

describe('controller/processor redirects on the web form', () => {
  async function submit(slug: string, email: string, dataContext: string | undefined, rightId = 'access') {
    const client = new FormClient(system.baseUrl);
    return client.submitForm(`/o/${slug}/requests/new`, `/o/${slug}/requests`, {
      name: 'Grace Hopper',
      email,
      phone: '',
      rightId,
      relationship: 'self',
      details: '',
      website: '',
      ...(dataContext === undefined ? {} : { dataContext }),
    });
  }

  async function row(email: string) {
    return (
      await system.db.query<{ id: string; status: string; redirected_to: string | null; closed_at: Date | null }>(
        'SELECT id, status, redirected_to, closed_at FROM data_subject_request WHERE requester_email = $1',
        [email],
      )
    ).rows;
  }

  it('west-schoolmessenger: the policy only encourages asking the school first, so the request is kept and West answers it', async () => {
    const email = `ask-first-${Date.now()}@example.org`;
    const response = await submit('west-schoolmessenger', email, 'SchoolMessenger school communication services');
    expect(response.status).toBe(201);
    // Encourages, as the policy does; never "asks", and never closed without offering to go on with West.
    expect(response.body).toContain('West Corporation (SchoolMessenger) encourages you to contact them first');
    expect(response.body).toContain('West encourages you to contact them first.');
    expect(response.body).not.toContain('asks you to contact');
    expect(response.body).not.toContain('Please ask the organisation responsible');
    expect(response.body).toContain('You can still go on with West Corporation (SchoolMessenger)');
    expect(response.body).toContain('id="ask-first-citation"');
    const [stored] = await row(email);
    expect(stored.status).toBe('unverified');
    expect(stored.redirected_to).toBeNull();
    expect(stored.closed_at).toBeNull();
    // Going on with West is confirming the request from the mail, as for any other.
    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.text).toContain('/v/');
  }, 60_000);

  it.each([
    {
      slug: 'securus-software',
      services: 'Securus monitoring software used by schools, colleges and other customers',
      controller:
        'The school, college or other organisation that uses Securus software on its computers. Ask them first about information the software collected about you.',
    },
  ])(
    '$slug: data it only processes makes a redirected request, and the page names the controller',
    async ({ slug, services, controller }) => {
      const email = `redirect-${slug}-${Date.now()}@example.org`;
      const response = await submit(slug, email, services);
      expect(response.status).toBe(201);
      expect(response.body).toContain('Please ask the organisation responsible');
      expect(response.body).toContain(controller.replace("'", '&#39;'));
      expect(response.body).toContain('id="redirect-citation"');
      const reference = referenceIn(response.body);

      const [stored] = await row(email);
      expect(stored.status).toBe('redirected');
      expect(stored.redirected_to).toBe(controller);
      expect(stored.closed_at).not.toBeNull();
      const audit = await system.db.query<{ action: string; detail: Record<string, unknown> }>(
        'SELECT action, detail FROM audit_entry WHERE request_id = $1 ORDER BY seq',
        [stored.id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(
        expect.arrayContaining(['request.received', 'request.redirected']),
      );
      expect(audit.rows.find((r) => r.action === 'request.redirected')?.detail).toEqual({ controller, services });

      // The one mail is the redirect in writing; nothing to verify.
      const [mail] = await system.sink.waitForMailsTo(email);
      expect(mail.subject).toBe(`Your privacy request ${reference}: who can answer it`);
      expect(mail.text).toContain(controller);
      expect(mail.text).not.toContain('/v/');
      expect(
        (await system.db.query("SELECT 1 FROM request_token WHERE request_id = $1 AND purpose = 'verify'", [stored.id]))
          .rowCount,
      ).toBe(0);
    },
    60_000,
  );

  it("redirects an agent's request about processed data too, without taking the agent's details or file", async () => {
    const email = `agent-redirect-${Date.now()}@example.org`;
    const client = new FormClient(system.baseUrl);
    const page = await client.get('/o/west-schoolmessenger/requests/new');
    const response = await client.postMultipart(
      multipartActionIn(page.body),
      {
        _csrf: csrfTokenIn(page.body),
        website: '',
        name: 'Grace Hopper',
        email,
        rightId: 'access',
        dataContext: 'Unified Communications, webcasting and virtual event services',
        relationship: 'agent',
        agentName: 'Privacy Helpers',
        agentEmail: `agent-${email}`,
      },
      [{ field: 'permission', name: 'permission.pdf', type: 'application/pdf', content: '%PDF-1.4 signed' }],
    );
    expect(response.status).toBe(201);
    expect(response.body).toContain('The West customer that runs the service');
    const [stored] = await row(email);
    expect(stored.status).toBe('redirected');
    expect(
      (await system.db.query('SELECT relationship FROM data_subject_request WHERE id = $1', [stored.id])).rows[0]
        .relationship,
    ).toBe('agent');
    expect((await system.db.query('SELECT 1 FROM request_agent WHERE request_id = $1', [stored.id])).rowCount).toBe(0);
  }, 60_000);

  it('keeps the self path: "my own relationship" is an ordinary request waiting for verification', async () => {
    const email = `own-${Date.now()}@example.org`;
    const response = await submit('west-schoolmessenger', email, 'own');
    expect(response.status).toBe(201);
    expect(response.body).toContain('We have your request');
    expect((await row(email))[0]).toMatchObject({ status: 'unverified', redirected_to: null, closed_at: null });
    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.text).toContain(`${system.baseUrl}/v/`);
  }, 60_000);

  it('asks whose data it is only where the policy has processor redirects, and requires an answer there', async () => {
    const client = new FormClient(system.baseUrl);
    const west = (await client.get('/o/west-schoolmessenger/requests/new')).body;
    expect(west).toContain('Whose information is this about?');
    expect(west).toContain('My own relationship with West Corporation (SchoolMessenger)');
    expect(west).toContain('value="Unified Communications, webcasting and virtual event services"');
    for (const slug of ['officertrak', 'prontotrak', 'securus-technologies']) {
      expect((await client.get(`/o/${slug}/requests/new`)).body).not.toContain('name="dataContext"');
    }

    const email = `unanswered-${Date.now()}@example.org`;
    const unanswered = await submit('securus-software', email, undefined);
    expect(unanswered.status).toBe(400);
    expect(unanswered.body).toContain('id="dataContext-error"');
    expect(await row(email)).toEqual([]);

    // Where the question is not asked, an answer sent anyway changes nothing.
    const elsewhere = `elsewhere-${Date.now()}@example.org`;
    expect((await submit('officertrak', elsewhere, 'SchoolMessenger school communication services')).status).toBe(201);
    expect((await row(elsewhere))[0].status).toBe('unverified');
  }, 60_000);
});

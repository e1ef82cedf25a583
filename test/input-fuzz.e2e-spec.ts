import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { AppModule } from '../apps/api/src/app.module.js';
import { StaffGuard } from '../apps/api/src/staff/auth/staff.guard.js';
import { newApiKey } from '../apps/api/src/suppression/api-key.guard.js';
import { csrfTokenIn, FormClient } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { type Route, routesOf } from './support/routes.js';
import { createOperator, createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

/**
 * Random, oversized, wrongly typed, unicode and injection input to every route of the router, public and staff:
 * never a 5xx, never a stack trace, never our injected markup unescaped in a page, never a POST without its form
 * token accepted, and every request stored whole. The routes come from Nest's metadata: a public route without a
 * definition below fails the run. Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> (FUZZ_RUNS scales).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PUBLIC_RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const STAFF_RUNS = Math.max(1, Math.round(PUBLIC_RUNS / 4));
const MARKER = 'x-fuzz';
const STACK_TRACE = /\n\s+at [\w.<]|node_modules|\.[jt]s:\d+:\d+/;
const ORG = 'officertrak';

type Field = fc.Arbitrary<unknown>;

/** What to fuzz on a route: each path parameter, and the query or form fields it reads (others are added at random). */
interface FuzzDefinition {
  params?: Record<string, Field>;
  query?: Record<string, Field>;
  body?: Record<string, Field>;
  /** A valid form: half the runs send it with one or two fields fuzzed, so the fuzz reaches what is stored. */
  valid?: Record<string, string>;
  /** Headers sent with every run (an API key), so the fuzz reaches past authentication. */
  headers?: () => Record<string, string>;
  /** Why a POST needs no form token: what authenticates it instead (a signature, a signed link). */
  authority?: string;
}

/** Text an attacker or a careless client sends: unicode, control characters, markup, SQL, templates, huge. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    `<${MARKER}>`,
    `"><${MARKER} onerror=alert(1)>`,
    `javascript:alert(1)//<${MARKER}>`,
    "'; DROP TABLE data_subject_request; --",
    "' OR '1'='1",
    '${7*7}{{7*7}}<%= 7*7 %>',
    '../../../../etc/passwd',
    '\u0000',
    'a\u0000b',
    '\u202eevil\u202c',
    '\ud800',
    '=cmd|"/c calc"!A1',
    '%',
    '%FF%FE',
    '%E0%A4%A',
    '-1',
    '1e309',
    'NaN',
    '',
    ' ',
    '[]',
    '{}',
    '__proto__',
  ),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([a, b]) => `${a}<${MARKER} x="${b}">${b}</${MARKER}>`),
  fc.integer({ min: 1, max: 3 }).map((n) => 'A'.repeat(n * 30_000)),
);

/** A value the right type sometimes, otherwise anything JSON can carry. */
const wronglyTyped: Field = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostile, { maxLength: 3 }),
  fc.dictionary(hostile, hostile, { maxKeys: 2 }),
);

/** Mostly a valid value, so the fuzz reaches past the first check; otherwise hostile or wrongly typed. */
const around = (...valid: unknown[]): Field =>
  fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...valid.map((v) => (v instanceof fc.Arbitrary ? v : fc.constant(v)))) },
    { weight: 3, arbitrary: hostile },
    { weight: 1, arbitrary: wronglyTyped },
  );

/** Filled in beforeAll: real tokens and ids, so the fuzz also runs against live links. */
const live = {
  statusToken: '',
  usedVerifyToken: '',
  reference: '',
  requestId: '',
  requesterEmail: '',
  apiKey: '',
  importId: '',
};
const liveValue = (pick: () => string): Field => fc.constant(null).map(pick);

const REQUESTER_FIELDS: Record<string, Field> = {
  name: around('Ada Lovelace', 'Zoë Ñúñez-O’Brien 李小龍'),
  email: around('fuzz@example.org', 'x@y', 'not-an-email'),
  phone: around('', '+1 555 0100', '555-01-2345'),
  rightId: around('access', 'deletion', 'marketing-email-opt-out', 'no-such-right'),
  relationship: around('self', 'agent', 'other'),
  details: around('', 'My account is ada-l', 'SSN 078-05-1120', 'card 4111 1111 1111 1111'),
  website: around('', 'http://spam.example'),
};

/**
 * Every public route: a definition per route, keyed "METHOD path". A route another change adds fails the run until
 * it has one: usually one line naming its parameters and fields.
 */
const PUBLIC_ROUTES: Record<string, FuzzDefinition> = {
  'GET /': {},
  'GET /health': {},
  'GET /metrics': {},
  'GET /assets/app.css': {},
  'GET /o/:org/requests/new': { params: { org: around(ORG, 'prontotrak', 'no-such-org') } },
  'POST /o/:org/requests': {
    params: { org: fc.oneof({ weight: 4, arbitrary: fc.constant(ORG) }, hostile) },
    body: REQUESTER_FIELDS,
    valid: {
      name: 'Ada Lovelace',
      email: 'fuzz@example.org',
      phone: '',
      rightId: 'access',
      relationship: 'self',
      details: '',
      website: '',
    },
  },
  'GET /v/:token': {
    params: {
      token: around(
        liveValue(() => live.usedVerifyToken),
        '00000000-0000-0000-0000-000000000000.AAAA',
        'x.y',
      ),
    },
  },
  'POST /v/:token': {
    params: {
      token: around(
        liveValue(() => live.usedVerifyToken),
        '00000000-0000-0000-0000-000000000000.AAAA',
      ),
    },
  },
  'POST /o/:org/requests/:reference/resend': {
    params: {
      org: around(ORG),
      reference: around(
        liveValue(() => live.reference),
        'RD-AAAA-AAAA',
      ),
    },
    body: {
      email: around(
        liveValue(() => live.requesterEmail),
        'other@example.org',
      ),
    },
  },
  'GET /s/:token': {
    params: {
      token: around(
        liveValue(() => live.statusToken),
        'x.y',
      ),
    },
  },
  'POST /s/:token/reply': {
    params: { token: around(liveValue(() => live.statusToken)) },
    body: { text: around('Here is my account number', '') },
  },
  // Opening the confirmation changes nothing, so the live link is fuzzed; the post is fuzzed with links that withdraw
  // nothing, so the live request stays open for the other routes.
  'GET /s/:token/withdraw': {
    params: {
      token: around(
        liveValue(() => live.statusToken),
        'x.y',
      ),
    },
  },
  'POST /s/:token/withdraw': { params: { token: around('00000000-0000-0000-0000-000000000000.AAAA', 'x.y') } },
  // The live request is no denied deletion: its link takes no opt-out, and the status page says where it stands.
  'POST /s/:token/opt-out': { params: { token: around(liveValue(() => live.statusToken)) } },
  // No file in a fuzzed post, and the live request asks for no document: each answer leads back to its status page.
  'POST /s/:token/identity-document': { params: { token: around(liveValue(() => live.statusToken)) } },
  'GET /s/:token/files/:fileId': {
    params: {
      token: around(liveValue(() => live.statusToken)),
      fileId: around('00000000-0000-0000-0000-000000000000'),
    },
  },
  'GET /dev/mailbox': {},
  'GET /dev/mailbox/:id': { params: { id: around('1', '0', '-1', '99999999999999999999') } },
  'GET /dev/sms': {},
  'POST /dev/sms': {
    body: {
      To: around('+15550100123', '+15550100000'),
      From: around('+15550100777'),
      Body: around('STOP', 'HELP', 'hello'),
    },
  },
  'GET /staff/sign-in': {
    query: { next: around('/staff', '//evil.example', 'https://evil.example/', '/staff/orgs/officertrak/requests') },
  },
  'POST /staff/sign-in': {
    body: {
      email: around('nobody@example.org', 'admin@officertrak.example'),
      password: around('wrong-password', ''),
      next: around('/staff', '//evil.example'),
    },
  },
  'GET /staff/forgot-password': {},
  'POST /staff/forgot-password': { body: { email: around('nobody@example.org', 'admin@officertrak.example', '') } },
  'GET /staff/password-reset/:link': {
    params: { link: around('00000000-0000-0000-0000-000000000000.' + 'A'.repeat(43), 'x.y') },
  },
  'POST /staff/password-reset/:link': {
    params: { link: around('00000000-0000-0000-0000-000000000000.' + 'A'.repeat(43), 'x.y') },
    body: { password: around('a long enough password', ''), repeat: around('a long enough password') },
  },
  'GET /staff/invitations/:link': {
    params: { link: around('00000000-0000-0000-0000-000000000000.' + 'A'.repeat(43), 'x.y') },
  },
  'POST /staff/invitations/:link': {
    params: { link: around('00000000-0000-0000-0000-000000000000.' + 'A'.repeat(43), 'x.y') },
    body: {
      name: around('Ada', ''),
      password: around('a long enough password', ''),
      repeat: around('a long enough password'),
    },
  },
  'POST /v/:token/refuse': {
    params: {
      token: around(
        liveValue(() => live.usedVerifyToken),
        '00000000-0000-0000-0000-000000000000.AAAA',
      ),
    },
  },
  'POST /webhooks/sms': {
    body: {
      From: around('+15550100777', 'not a number'),
      To: around('+15550100123', '+15550100000'),
      Body: around('STOP', 'START', 'HELP', 'hello'),
      MessageSid: around('SM0'),
    },
    authority: "the SMS provider's signature (X-Twilio-Signature); the fuzz cannot sign, so every text must be refused",
  },
  'GET /u/:token': { params: { token: around('e30.AAAA', 'x.y') } },
  'POST /u/:token': {
    params: { token: around('e30.AAAA', 'x.y') },
    authority: 'the signed link itself (RFC 8058 one-click: no cookies, no form token)',
  },
  'GET /vendors/confirm/:token': {
    params: { token: around(`00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`, 'x.y') },
  },
  'POST /vendors/confirm/:token': {
    params: { token: around(`00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`, 'x.y') },
  },
  'POST /systems/callback/:taskId': {
    params: { taskId: around('00000000-0000-4000-8000-000000000000', 'x') },
    authority:
      "the service's HMAC signature with its shared secret; the fuzz cannot sign, so every callback is refused",
  },
  'POST /dev/demo-systems/:org/support/access': {
    params: { org: around('prontotrak', ORG, 'no-such-org') },
    authority: "Rightsdesk's HMAC signature with the demo system's secret, as a real service checks it",
  },
  'POST /dev/demo-systems/:org/support/erasure': {
    params: { org: around('prontotrak', ORG, 'no-such-org') },
    authority: "Rightsdesk's HMAC signature with the demo system's secret, as a real service checks it",
  },
  'GET /.well-known/gpc.json': {},
  'GET /api/v1/orgs/:org/suppressions/check': {
    params: { org: around(ORG, 'prontotrak') },
    query: { channel: around('email', 'sms', 'sale_share'), address: around('fuzz@example.org', '+15550100777') },
    headers: () => ({ authorization: `Bearer ${live.apiKey}` }),
  },
  'GET /api/v1/orgs/:org/suppressions/changes': {
    params: { org: around(ORG, 'prontotrak') },
    query: { cursor: around('0', '1', '99999999999999999999'), limit: around('1', '100', '100000') },
    headers: () => ({ authorization: `Bearer ${live.apiKey}` }),
  },
  'GET /api/v1/orgs/:org/suppressions/unsubscribe-headers': {
    params: { org: around(ORG, 'prontotrak') },
    query: { email: around('fuzz@example.org') },
    headers: () => ({ authorization: `Bearer ${live.apiKey}` }),
  },
  'GET /o/:org/drp/:requestId/confirm': {
    params: {
      org: around('prontotrak', ORG, 'no-such-org'),
      requestId: around('00000000-0000-0000-0000-000000000000'),
    },
    query: {
      request_id: around('00000000-0000-0000-0000-000000000000', 'x'),
      redirect_to: around('https://evil.example/', '/staff'),
    },
  },
  'GET /drp/:org/business.json': { params: { org: around('prontotrak', ORG, 'no-such-org') } },
  'POST /drp/:org/v1/agent/:agentId': {
    params: { org: around('prontotrak'), agentId: around('FUZZ_AGENT') },
    authority: "the agent's Ed25519 signature (Data Rights Protocol §3.07); the fuzz cannot sign",
  },
  'GET /drp/:org/v1/agent/:agentId': { params: { org: around('prontotrak'), agentId: around('FUZZ_AGENT') } },
  'POST /drp/:org/v1/data-rights-request': {
    params: { org: around('prontotrak') },
    authority: "the agent's bearer token and signature (§2.01, §3.07)",
  },
  'GET /drp/:org/v1/data-rights-request/:requestId': {
    params: { org: around('prontotrak'), requestId: around('00000000-0000-0000-0000-000000000000') },
  },
  'DELETE /drp/:org/v1/data-rights-request/:requestId': {
    params: { org: around('prontotrak'), requestId: around('00000000-0000-0000-0000-000000000000') },
    authority: "the agent's bearer token (§2.04)",
  },
};

/** Field and query names the staff forms and filters read: the fuzz sends some of them, hostile, on every staff route. */
const STAFF_FIELDS = [
  'assigneeId',
  'text',
  'question',
  'reason',
  'explanation',
  'resolution',
  'controller',
  'controllerOther',
  'email',
  'name',
  'role',
  'status',
  'type',
  'regime',
  'channel',
  'assignee',
  'dueWithinDays',
  'overdue',
  'q',
  'cursor',
  'from',
  'to',
  'jobId',
  'current',
  'password',
  'repeat',
  'invited',
  'organisation',
  'slug',
  'timeZone',
  'country',
  'label',
  'sentence',
  'kind',
  'days',
];
/** Staff routes the fuzz leaves out, each with why. */
const STAFF_SKIPPED: Record<string, string> = {
  'POST /staff/sign-out': 'ends the session the fuzz runs in; it reads nothing but the form token',
};

const ROUTES = routesOf(AppModule.forEnvironment(true));
const nameOf = (r: Route) => `${r.method} ${r.path}`;
const isStaff = (r: Route) => r.guards.includes(StaffGuard);

interface Sent {
  route: string;
  path: string;
  encoding: string;
  withToken: boolean;
  authority?: string;
}

/** A request body as a browser, a script or a broken client would send it. */
const encodings = (fields: Record<string, unknown>, token: string | undefined) => {
  const withToken = token === undefined ? fields : { _csrf: token, ...fields };
  const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(withToken)) {
    // Arrays become repeated keys, which Express reads as arrays: a wrongly typed form field.
    for (const item of Array.isArray(v) ? v : [v]) form.append(k, asText(item));
  }
  return fc.constantFrom(
    { encoding: 'form', type: 'application/x-www-form-urlencoded', content: form.toString() },
    { encoding: 'form', type: 'application/x-www-form-urlencoded', content: form.toString() },
    { encoding: 'json', type: 'application/json', content: JSON.stringify(withToken) },
    { encoding: 'broken-json', type: 'application/json', content: `${JSON.stringify(withToken).slice(0, -1)},` },
    { encoding: 'text', type: 'text/plain', content: form.toString() },
  );
};

function expectSafe(sent: Sent, response: { status: number; body: string; headers: Headers }): void {
  const html = (response.headers.get('content-type') ?? '').includes('text/html');
  const problems = [
    response.status >= 500 && `answered ${response.status}`,
    STACK_TRACE.test(response.body) && 'shows a stack trace',
    html && response.body.includes(`<${MARKER}`) && 'echoes injected markup unescaped',
    html && !response.headers.get('content-security-policy') && 'has no Content-Security-Policy',
    // A POST without its form token must be refused, whatever else is wrong with it.
    sent.encoding !== 'none' &&
      !sent.withToken &&
      !sent.authority &&
      response.status < 400 &&
      `accepted a POST without its form token (${response.status})`,
    response.status === 400 &&
      html &&
      !/<p[^>]*>[^<]{10,}|class="error/.test(response.body) &&
      'answered 400 without saying why',
  ].filter(Boolean);
  // One object, so a failure names the route, what was sent and every problem at once.
  expect({ ...sent, status: response.status, problems }).toEqual({ ...sent, status: response.status, problems: [] });
}

/** Fills each :param of the path with its generated value, URL-encoded (a value may hold any character). */
function pathWith(route: Route, params: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  // A lone surrogate has no UTF-8 form: a URL carries it as the replacement character, as browsers do.
  return route.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(text(params[name]).replace(/[\ud800-\udfff]/gu, '\ufffd')),
  );
}

/** Generated query or form fields: those named (each present or not) and a few random ones; or a valid form with one or two fuzzed. */
function fieldsOf(
  named: Record<string, Field> | undefined,
  valid?: Record<string, string>,
): fc.Arbitrary<Record<string, unknown>> {
  const anything = fc
    .tuple(
      fc.record(named ?? {}, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
  if (!valid || !named) return anything;
  const nearlyValid = fc
    .tuple(fc.subarray(Object.keys(named), { minLength: 1, maxLength: 2 }), fc.record(named))
    .map(([fuzzed, generated]) => ({ ...valid, ...Object.fromEntries(fuzzed.map((k) => [k, generated[k]])) }));
  return fc.oneof(anything, nearlyValid);
}

function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) search.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** fast-check's report quotes the whole counterexample, oversized strings included: keep the report readable. */
async function reported(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = (error as Error).message.replace(
      /(.)\1{200,}/g,
      (run, c: string) => `${c.repeat(20)}…(${run.length} × ${JSON.stringify(c)})`,
    );
    throw Object.assign(new Error(message), { cause: (error as Error).cause });
  }
}

async function fuzzRoute(client: FormClient, route: Route, definition: FuzzDefinition, runs: number): Promise<void> {
  const paramArbitraries = Object.fromEntries(
    [...route.path.matchAll(/:(\w+)/g)].map(([, p]) => [p, definition.params?.[p] ?? hostile]),
  );
  const token = () => client.get('/staff/sign-in').then((r) => csrfTokenIn(r.body));
  const options = { numRuns: runs, seed: SEED, endOnFailure: true };
  if (route.method === 'GET') {
    return reported(() =>
      fc.assert(
        fc.asyncProperty(fc.record(paramArbitraries), fieldsOf(definition.query), async (params, query) => {
          const path = `${pathWith(route, params)}${queryString(query)}`;
          expectSafe(
            { route: nameOf(route), path, encoding: 'none', withToken: true },
            await client.send('GET', path, undefined, definition.headers?.()),
          );
        }),
        options,
      ),
    );
  }
  return reported(() =>
    fc.assert(
      fc.asyncProperty(
        fc.record(paramArbitraries),
        fieldsOf(definition.body, definition.valid),
        fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        fc.nat(),
        async (params, fields, withToken, pick) => {
          const path = pathWith(route, params);
          const bodies = encodings(fields, withToken ? await token() : undefined);
          const [body] = fc.sample(bodies, { seed: pick, numRuns: 1 });
          const sent = {
            route: nameOf(route),
            path,
            encoding: body.encoding,
            withToken,
            ...(definition.authority ? { authority: definition.authority } : {}),
          };
          expectSafe(sent, await client.send(route.method, path, body, definition.headers?.()));
        },
      ),
      options,
    ),
  );
}

describe('fuzzed input to every route', () => {
  const publicRoutes = ROUTES.filter((r) => !isStaff(r));
  const staffRoutes = ROUTES.filter((r) => isStaff(r) && !(nameOf(r) in STAFF_SKIPPED));
  const system = useRunningSystem({ db: 'pg' });
  let knownRequests: Set<string>;

  beforeAll(async () => {
    console.log(
      `input fuzz: seed ${SEED}, ${PUBLIC_RUNS} runs per public route (reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${PUBLIC_RUNS})`,
    );
    knownRequests = new Set(
      (await system.db.query<{ id: string }>('SELECT id FROM data_subject_request')).rows.map((r) => r.id),
    );
    live.requesterEmail = `fuzz-live-${Date.now()}@example.org`;
    live.reference = await submitRequest(system.baseUrl, ORG, live.requesterEmail, 'access');
    const links = await confirmFromMail(system.sink, system.baseUrl, live.requesterEmail);
    live.usedVerifyToken = links.verifyUrl.split('/v/')[1];
    live.statusToken = links.statusUrl.split('/s/')[1];
    live.requestId = (
      await system.db.query<{ id: string }>('SELECT id FROM data_subject_request WHERE reference = $1', [
        live.reference,
      ])
    ).rows[0].id;
    // A live key of ORG's for the suppression API, made as the staff console makes one.
    const key = newApiKey();
    await system.db.query(
      `INSERT INTO suppression_api_key (organisation_id, label, key_hash, key_prefix) SELECT id, 'fuzz', $2, $3 FROM organisation WHERE slug = $1`,
      [ORG, key.keyHash, key.keyPrefix],
    );
    live.apiKey = key.key;
  }, 60_000);

  it('has a fuzz definition for every public route of the router, and none for a route that is gone', () => {
    const names = publicRoutes.map(nameOf);
    expect(names.filter((n) => !(n in PUBLIC_ROUTES))).toEqual([]);
    expect(Object.keys(PUBLIC_ROUTES).filter((n) => !names.includes(n))).toEqual([]);
    expect(Object.keys(STAFF_SKIPPED).filter((n) => !ROUTES.some((r) => nameOf(r) === n))).toEqual([]);
  });

  it('answers every public route safely', async () => {
    const client = new FormClient(system.baseUrl);
    for (const route of publicRoutes) await fuzzRoute(client, route, PUBLIC_ROUTES[nameOf(route)], PUBLIC_RUNS);
  }, 240_000);

  it('answers every staff route safely for a signed-in admin', async () => {
    const admin = await signIn(system.baseUrl, await createStaff({ [ORG]: 'admin' }, 'Fuzz Admin'));
    const staffField = around('', 'open', 'access', 'ccpa', 'me', '7', 'true', live.requestId);
    const staffFields = Object.fromEntries(STAFF_FIELDS.map((f) => [f, staffField]));
    for (const route of staffRoutes) {
      const params: Record<string, Field> = {
        org: around(ORG, 'prontotrak'),
        id: around(liveValue(() => live.requestId)),
      };
      for (const [, p] of route.path.matchAll(/:(\w+)/g)) params[p] ??= around('00000000-0000-0000-0000-000000000000');
      await fuzzRoute(
        admin,
        route,
        { params, query: route.method === 'GET' ? staffFields : undefined, body: staffFields },
        STAFF_RUNS,
      );
    }
    // Still signed in: the fuzz ran as a staff member throughout, not against the sign-in redirect.
    expect((await admin.get('/staff')).status).toBe(200);
  }, 240_000);

  it('answers every operator route safely for a signed-in platform operator', async () => {
    const operator = await signIn(system.baseUrl, await createOperator('Fuzz Operator'));
    // A live import to edit, so the fuzz reaches the review page's forms and not only "no such import".
    const imported = await operator.postMultipart(
      '/staff/platform/imports',
      {
        _csrf: csrfTokenIn((await operator.get('/staff/platform')).body),
        name: 'Fuzz Onboarded',
        slug: `fuzz-onboarded-${Date.now()}`,
        timeZone: 'America/New_York',
        country: 'US',
        text: 'Privacy Policy\n\nYou have the right to request that we delete your personal information. Email privacy@fuzz.example to ask.',
      },
      [],
    );
    expect(imported.status).toBe(303);
    live.importId = imported.headers.get('location')!.split('/').pop()!;
    const field = around('', 'access', 'ccpa', 'legal', 'internal_target', '0', '45', 'US', 'Europe/London', ORG);
    const fields = Object.fromEntries(STAFF_FIELDS.map((f) => [f, field]));
    for (const route of staffRoutes.filter((r) => r.path.startsWith('/staff/platform'))) {
      const params: Record<string, Field> = {
        importId: around(liveValue(() => live.importId)),
        index: around('0', '1', '-1', '99'),
      };
      await fuzzRoute(
        operator,
        route,
        { params, query: route.method === 'GET' ? fields : undefined, body: fields },
        STAFF_RUNS,
      );
    }
    expect((await operator.get('/staff/platform')).status).toBe(200);
    // A fuzzed publish may have made the organisation: the shared database keeps only the seeded ones for other specs.
    await system.db.query("DELETE FROM organisation WHERE slug LIKE 'fuzz-onboarded-%'");
  }, 240_000);

  it('stored every accepted request whole, and shows what requesters typed escaped on the staff pages', async () => {
    // At least one request with markup in what the requester typed, whatever the fuzz happened to store.
    await submitRequest(system.baseUrl, ORG, `markup-${Date.now()}@example.org`, 'access', {
      name: `Eve <${MARKER}>`,
      details: `"><${MARKER} onerror=alert(1)>`,
    });
    const created = (
      await system.db.query<{
        id: string;
        slug: string;
        received: string;
        jobs: string;
        name: string;
        details: string;
      }>(
        `SELECT r.id, o.slug, r.requester_name AS name, r.details,
                (SELECT count(*) FROM audit_entry a WHERE a.request_id = r.id AND a.action = 'request.received') AS received,
                (SELECT count(*) FROM outbox_message m WHERE m.job_id LIKE '%:' || r.id || ':initial') AS jobs
           FROM data_subject_request r JOIN organisation o ON o.id = r.organisation_id`,
      )
    ).rows.filter((r) => !knownRequests.has(r.id));
    console.log(
      `input fuzz: ${created.length} requests stored, ${created.filter((r) => r.name.includes(`<${MARKER}`) || r.details.includes(`<${MARKER}`)).length} with markup in them`,
    );
    expect(created.filter((r) => r.received !== '1' || r.jobs !== '1')).toEqual([]);
    expect(created.some((r) => r.name.includes(`<${MARKER}>`))).toBe(true);
    const everywhere = await signIn(
      system.baseUrl,
      await createStaff(
        Object.fromEntries([...new Set(created.map((r) => r.slug))].map((slug) => [slug, 'auditor' as const])),
        'Fuzz Auditor',
      ),
    );
    for (const slug of new Set(created.map((r) => r.slug))) {
      const queue = await everywhere.get(`/staff/orgs/${slug}/requests?status=all`);
      expect({ slug, status: queue.status, unescaped: queue.body.includes(`<${MARKER}`) }).toEqual({
        slug,
        status: 200,
        unescaped: false,
      });
    }
    for (const request of created) {
      const page = await everywhere.get(`/staff/orgs/${request.slug}/requests/${request.id}`);
      expect({ id: request.id, status: page.status, unescaped: page.body.includes(`<${MARKER}`) }).toEqual({
        id: request.id,
        status: 200,
        unescaped: false,
      });
    }
  }, 120_000);
});

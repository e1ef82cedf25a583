import { beforeAll, describe, expect, it } from '@jest/globals';

import { AppModule } from '../apps/api/src/app.module.js';
import { OperatorGuard } from '../apps/api/src/staff/auth/operator-route.decorator.js';
import { StaffGuard } from '../apps/api/src/staff/auth/staff.guard.js';
import { ApiKeyGuard, newApiKey } from '../apps/api/src/suppression/api-key.guard.js';
import { csrfTokenIn, type FormClient } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { type Route, routesOf } from './support/routes.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

// A: the organisation the signed-in admin works for. B: another one, whose request they must never reach.
const A = 'officertrak';
const B = { slug: 'prontotrak', name: 'ProntoTrak' };

// Generated from the router's own metadata, so a route added later is covered without touching this test.
const ROUTES = routesOf(AppModule.forEnvironment(true));
const isStaff = (route: Route) => route.guards.includes(StaffGuard);
const ORG_ROUTES = ROUTES.filter((r) => r.path.includes(':org') && isStaff(r));
// The organisation's own systems reach these with an API key of that organisation, never a staff session.
const isKeyed = (route: Route) => route.guards.includes(ApiKeyGuard);
const KEY_ROUTES = ROUTES.filter((r) => r.path.includes(':org') && isKeyed(r));
const REQUEST_ROUTES = ORG_ROUTES.filter((r) => r.path.includes(':id'));
// Platform operators' routes are about organisations themselves, so they name none; no organisation role opens them.
const OPERATOR_ROUTES = ROUTES.filter((r) => r.guards.includes(OperatorGuard));
// A signed-in member's own pages, about no organisation: the list of theirs, their password, signing out.
const PERSONAL_ROUTES = [
  'GET /staff',
  'GET /staff/account/password',
  'POST /staff/account/password',
  'POST /staff/sign-out',
];
const name = (r: Route) => `${r.method} ${r.path}`;

interface Target {
  reference: string;
  email: string;
  id: string;
  organisationId: string;
  /** Another id of B, for parameters other than :org and :id (a member's user id, a file id...). */
  otherId: string;
}

describe('tenant isolation: an admin of one organisation reaches nothing of another', () => {
  const system = useRunningSystem({ db: 'pg' });
  let admin: FormClient;
  let adminId: string;
  let b: Target;

  beforeAll(async () => {
    // B's request is verified, so actions such as "start" would succeed on it if the organisation check failed.
    const email = `isolated-${Date.now()}@example.org`;
    const reference = await submitRequest(system.baseUrl, B.slug, email, 'ccpa-deletion');
    await confirmFromMail(system.sink, system.baseUrl, email);
    const row = (
      await system.db.query<{ id: string; organisation_id: string }>(
        'SELECT id, organisation_id FROM data_subject_request WHERE reference = $1',
        [reference],
      )
    ).rows[0];
    const member = (
      await system.db.query<{ user_id: string }>(
        'SELECT user_id FROM staff_membership WHERE organisation_id = $1 LIMIT 1',
        [row.organisation_id],
      )
    ).rows[0];
    b = { reference, email, id: row.id, organisationId: row.organisation_id, otherId: member.user_id };
    const account = await createStaff({ [A]: 'admin' }, 'Admin of A');
    admin = await signIn(system.baseUrl, account);
    adminId = (await system.db.query<{ id: string }>('SELECT id FROM staff_user WHERE email = $1', [account.email]))
      .rows[0].id;
  }, 60_000);

  function fill(path: string, org: string): string {
    return path.replace(/:(\w+)/g, (_, param: string) => (param === 'org' ? org : param === 'id' ? b.id : b.otherId));
  }

  /** Calls a route as the browser would: POSTs carry a valid CSRF token, so only the organisation can refuse them. */
  async function call(route: Route, path: string): Promise<{ status: number; body: string }> {
    if (route.method === 'GET') return admin.get(path);
    if (route.method === 'POST') return admin.post(path, { _csrf: csrfTokenIn((await admin.get('/staff')).body) });
    throw new Error(`${name(route)}: the console is plain forms, GET and POST only; teach this test the new method`);
  }

  function expectNothingOfB(route: Route, response: { status: number; body: string }, statuses: number[]): void {
    expect({ route: name(route), refused: statuses.includes(response.status) }).toEqual({
      route: name(route),
      refused: true,
    });
    // A 403 must come from the organisation check, not from a rejected form token.
    expect({ route: name(route), csrfRejected: response.body.includes('This form has expired') }).toEqual({
      route: name(route),
      csrfRejected: false,
    });
    for (const secret of [b.reference, b.email, b.id, B.name]) {
      expect({ route: name(route), leaks: response.body.includes(secret) ? secret : null }).toEqual({
        route: name(route),
        leaks: null,
      });
    }
  }

  it('discovers the staff routes of the router, the queue, request page and actions among them', () => {
    const names = ORG_ROUTES.map(name);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /staff/orgs/:org/requests',
        'GET /api/orgs/:org/requests',
        'GET /staff/orgs/:org/requests/:id',
        'POST /staff/orgs/:org/requests/:id/start',
        'POST /staff/orgs/:org/requests/:id/deny',
        'POST /staff/orgs/:org/requests/:id/fulfil',
        'GET /staff/orgs/:org/reports',
        'GET /staff/orgs/:org/reports.csv',
        'GET /staff/orgs/:org/staff',
        'POST /staff/orgs/:org/staff/:userId/remove',
      ]),
    );
    expect(REQUEST_ROUTES.filter((r) => r.method === 'POST').length).toBeGreaterThanOrEqual(5);
    // Every other route naming an organisation is a requester's public page, which must not need a session, or
    // a Data Rights Protocol endpoint, which authenticates agents itself (its isolation: test/drp.e2e-spec.ts), or the
    // development demo support desk, which answers only calls signed with that organisation's own secret
    // (test/connected-services.e2e-spec.ts).
    const unguarded = ROUTES.filter((r) => r.path.includes(':org') && !isStaff(r) && !isKeyed(r));
    expect(unguarded.length).toBeGreaterThan(0);
    for (const route of unguarded)
      expect(name(route)).toMatch(
        /^(GET|POST) \/o\/:org\/|^(GET|POST|DELETE) \/drp\/:org\/|^POST \/dev\/demo-systems\/:org\/support\//,
      );
  });

  it('accounts for every staff route that names no organisation: personal pages, or operator routes', () => {
    expect(OPERATOR_ROUTES.map(name)).toEqual(
      expect.arrayContaining(['GET /staff/platform', 'POST /staff/platform/imports/:importId/publish']),
    );
    for (const route of OPERATOR_ROUTES)
      expect({ route: name(route), staff: isStaff(route) }).toEqual({ route: name(route), staff: true });
    const unscoped = ROUTES.filter((r) => isStaff(r) && !r.path.includes(':org') && !OPERATOR_ROUTES.includes(r));
    expect(unscoped.map(name).sort()).toEqual([...PERSONAL_ROUTES].sort());
  });

  it('refuses every operator route to an organisation admin (403), and changes nothing', async () => {
    const imports = async () => Number((await system.db.query('SELECT count(*) FROM policy_import')).rows[0].count);
    const organisations = async () =>
      Number((await system.db.query('SELECT count(*) FROM organisation')).rows[0].count);
    const before = [await imports(), await organisations()];
    const importId = (await system.db.query<{ id: string }>('SELECT gen_random_uuid() AS id')).rows[0].id;
    for (const route of OPERATOR_ROUTES) {
      const path = route.path.replace(':importId', importId).replace(/:(\w+)/g, '0');
      expectNothingOfB(route, await call(route, path), [403]);
    }
    expect([await imports(), await organisations()]).toEqual(before);
  }, 60_000);

  it("answers 404 or 403 on every staff route given B's slug, and shows nothing of B", async () => {
    for (const route of ORG_ROUTES) expectNothingOfB(route, await call(route, fill(route.path, B.slug)), [403, 404]);
  }, 60_000);

  it("answers 404 on every API-key route given B's slug and a key of A, and shows nothing of B", async () => {
    expect(KEY_ROUTES.map(name)).toEqual(expect.arrayContaining(['GET /api/v1/orgs/:org/suppressions/changes']));
    const { key, keyHash, keyPrefix } = newApiKey();
    const aId = (await system.db.query<{ id: string }>('SELECT id FROM organisation WHERE slug = $1', [A])).rows[0].id;
    await system.db.query(
      'INSERT INTO suppression_api_key (organisation_id, label, key_hash, key_prefix) VALUES ($1, $2, $3, $4)',
      [aId, 'isolation', keyHash, keyPrefix],
    );
    for (const route of KEY_ROUTES) {
      if (route.method !== 'GET')
        throw new Error(`${name(route)}: the suppression API is read-only; teach this test the new method`);
      const response = await fetch(new URL(fill(route.path, B.slug), system.baseUrl), {
        headers: { Authorization: `Bearer ${key}` },
      });
      expectNothingOfB(route, { status: response.status, body: await response.text() }, [404]);
    }
  }, 60_000);

  it("answers 404 on every request route given A's slug and B's request id", async () => {
    for (const route of REQUEST_ROUTES) expectNothingOfB(route, await call(route, fill(route.path, A)), [404]);
  }, 60_000);

  it("leaves B's request and audit log exactly as they were", async () => {
    const request = await system.db.query<{ status: string; assignee_id: string | null }>(
      'SELECT status, assignee_id FROM data_subject_request WHERE id = $1',
      [b.id],
    );
    expect(request.rows[0]).toEqual({ status: 'verified', assignee_id: null });
    const byAdmin = await system.db.query(
      'SELECT 1 FROM audit_entry WHERE actor_id = $1 OR (organisation_id = $2 AND request_id = $3 AND actor_id IS NOT NULL)',
      [adminId, b.organisationId, b.id],
    );
    expect(byAdmin.rowCount).toBe(0);
    const notes = await system.db.query('SELECT 1 FROM request_note WHERE request_id = $1', [b.id]);
    expect(notes.rowCount).toBe(0);
  });
});

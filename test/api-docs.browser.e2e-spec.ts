import { describe, expect, it } from '@jest/globals';

import { AppModule } from '../apps/api/src/app.module.js';
import { routesOf } from './support/routes.js';
import { useRunningSystem } from './support/system-fixture.js';

interface Operation {
  summary?: string;
  responses: Record<string, { description?: string }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

// Express's /:param is OpenAPI's /{param}; a trailing slash is the same operation.
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
const properties = (doc: OpenApi, schema: string) =>
  Object.keys(doc.components.schemas[schema]?.properties ?? {}).sort();

describe('the OpenAPI description at /api/docs', () => {
  const system = useRunningSystem({ sink: false, browser: true });

  const described = async () => (await (await fetch(`${system.baseUrl}/api/docs.json`)).json()) as OpenApi;

  it('describes every JSON route (the JSON API, the suppression API, DRP), each with a summary and described answers', async () => {
    const doc = await described();
    const json = routesOf(AppModule.forEnvironment(true)).filter((r) => /^\/(api|drp)\//.test(r.path));
    expect(json.length).toBeGreaterThanOrEqual(10);
    const missing: string[] = [];
    for (const route of json) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      if (!operation?.summary?.trim()) missing.push(`${route.method} ${route.path}: no summary`);
      for (const [status, answer] of Object.entries(operation?.responses ?? {}))
        if (!answer.description?.trim()) missing.push(`${route.method} ${route.path} ${status}: no description`);
      if (operation && !Object.keys(operation.responses).some((s) => s.startsWith('2')))
        missing.push(`${route.method} ${route.path}: no success answer`);
    }
    expect(missing).toEqual([]);
    // And nothing else: pages are not part of the API.
    const documented = new Set(json.map((r) => openApiPath(r.path)));
    expect(Object.keys(doc.paths).filter((p) => !documented.has(p))).toEqual([]);
  });

  it("names the DRP fields as the protocol does (docs/drp.md), and answers DRP's own field names", async () => {
    const doc = await described();
    expect(properties(doc, 'DrpStatusSchema')).toEqual(
      [
        'request_id',
        'status',
        'reason',
        'received_at',
        'expected_by',
        'agent_request_id',
        'processing_details',
        'user_verification_url',
      ].sort(),
    );
    expect(properties(doc, 'DrpExerciseMessageSchema')).toEqual(
      [
        'agent-id',
        'business-id',
        'issued-at',
        'expires-at',
        'drp.version',
        'exercise',
        'regime',
        'relationships',
        'status_callback',
        'agent-request-id',
        'name',
        'email',
        'email_verified',
        'phone_number',
        'phone_number_verified',
      ].sort(),
    );
    expect(properties(doc, 'DrpTokenSchema')).toEqual(['agent-id', 'token']);
    // The business document as served has exactly the described fields.
    const business = (await (await fetch(`${system.baseUrl}/drp/securus-technologies/business.json`)).json()) as object;
    expect(Object.keys(business).every((k) => properties(doc, 'DrpBusinessSchema').includes(k))).toBe(true);
    expect(doc.components.schemas.DrpBusinessSchema!.required!.every((k) => k in business)).toBe(true);
  });

  it('renders Swagger UI in Chromium under its own policy, with no policy violation and no outside request', async () => {
    const page = await system.browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(system.baseUrl) && !r.url().startsWith('data:')) problems.push(`outside: ${r.url()}`);
    });
    const answer = await page.goto(`${system.baseUrl}/api/docs`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.opblock-summary-path', { hasText: '/drp/{org}/v1/data-rights-request' }).first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
    await page.close();
    // Every other page keeps the strict policy.
    const home = await fetch(`${system.baseUrl}/o/officertrak/requests/new`);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'none'");
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

import type { Env } from '#config';

/** The routes the description covers: the JSON API, the suppression API (both under /api) and the DRP endpoints. */
const DOCUMENTED = /^\/(api|drp)\//;

/** The OpenAPI description, built from the controllers' decorators and the schema classes; pages are left out. */
export function apiDocument(app: NestExpressApplication, env: Env): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Rightsdesk API')
    .setDescription(
      "The staff JSON API, the suppression API for an organisation's own systems, and the Data Rights Protocol " +
        '0.9.4 endpoints for authorised agents (docs/drp.md).',
    )
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .addServer(env.PUBLIC_URL)
    .addCookieAuth(
      'rd_staff',
      { type: 'apiKey', in: 'cookie', description: 'A signed-in staff session' },
      'staff-session',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key an admin made (rdk_…)' }, 'api-key')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from §2.05 pair-wise setup' }, 'drp-token')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => DOCUMENTED.test(path)));
  return document;
}

// Swagger UI's page has inline <style> blocks and style attributes, and runs its own scripts: it gets a policy of
// its own, scripts from this origin only, where every other page allows no script and no inline style at all.
const DOCS_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** Serves the description at /api/docs.json and Swagger UI at /api/docs. */
export function serveApiDocs(app: NestExpressApplication, env: Env): void {
  app.use('/api/docs', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', DOCS_PAGE_POLICY);
    next();
  });
  SwaggerModule.setup('api/docs', app, () => apiDocument(app, env), {
    jsonDocumentUrl: 'api/docs.json',
    raw: ['json'],
    customSiteTitle: 'Rightsdesk API',
    // No call to the public validator: the page talks to this origin only.
    swaggerOptions: { validatorUrl: null },
  });
}

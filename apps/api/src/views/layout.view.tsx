import type { SafeHtml } from '#mail';

/** Every page: its title, the organisation it belongs to (or Rightsdesk), and our own stylesheet. */
export function page(title: string, body: SafeHtml, organisationName?: string): string {
  const document = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          {title}
          {organisationName ? ` · ${organisationName}` : ''} · Rightsdesk
        </title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <header>
          <p class="org">{organisationName ?? 'Rightsdesk'}</p>
        </header>
        <main>{body}</main>
      </body>
    </html>
  );
  return `<!doctype html>\n${document.value}`;
}

import { type SafeHtml, translator } from '#mail';
import type { Language } from '#policy';

/** The languages a page can be switched to, each a plain link, so the switch works without JavaScript. */
export interface LanguageSwitch {
  offered: readonly Language[];
  href: (language: Language) => string;
}

/** Every page: its title, the organisation it belongs to (or Rightsdesk), its language, and our own stylesheet. */
export function page(
  title: string,
  body: SafeHtml,
  organisationName?: string,
  language: Language = 'en',
  languageSwitch?: LanguageSwitch,
): string {
  const document = (
    <html lang={language}>
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
          {languageSwitch && languageSwitch.offered.length > 1 && (
            <LanguageLinks current={language} languageSwitch={languageSwitch} />
          )}
        </header>
        <main>{body}</main>
      </body>
    </html>
  );
  return `<!doctype html>\n${document.value}`;
}

/** Each language named in itself, the current one marked rather than linked. */
function LanguageLinks({ current, languageSwitch }: { current: Language; languageSwitch: LanguageSwitch }) {
  const t = translator(current);
  return (
    <nav class="languages" id="languages" aria-label={t('layout.languages')}>
      {languageSwitch.offered.map((l) =>
        l === current ? (
          <strong lang={l} aria-current="true">
            {t(`language.${l}`)}
          </strong>
        ) : (
          <a href={languageSwitch.href(l)} lang={l} hreflang={l}>
            {t(`language.${l}`)}
          </a>
        ),
      )}
    </nav>
  );
}

import type { Language } from '#policy';

import type { SafeHtml } from '../html.js';
import { translator } from '../i18n/i18n.js';

/** Who a requester mail is from and about: common to every mail about a request. */
export interface RequestMailParty {
  organisationName: string;
  contact?: string;
  requesterName: string;
  reference: string;
  requestLabel: string;
  /** The requester's language; English when not given. */
  language?: Language;
}

/** A request's name as each part of a mail quotes it: straight quotes in plain text, typographic ones in HTML. */
export const quotedLabel = (label: string) => ({ text: `"${label}"`, html: `“${label}”` });

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Every mail carries the organisation's name and how to reach it; requester text is escaped by the JSX runtime. */
export function mailLayout(
  organisationName: string,
  contact: string | undefined,
  body: SafeHtml,
  language: Language = 'en',
): string {
  const t = translator(language);
  const document = (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <title>{organisationName}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40rem">
        {body}
        <hr />
        <p style="font-size: .9em; color: #555">
          {t('mail.footer', { org: organisationName })}
          {contact && (
            <>
              {` ${t('mail.questions')} `}
              <a href={`mailto:${contact}`}>{contact}</a>.
            </>
          )}
        </p>
      </body>
    </html>
  );
  return `<!doctype html>\n${document.value}`;
}

export function textFooter(organisationName: string, contact: string | undefined, language: Language = 'en'): string {
  const t = translator(language);
  return `--\n${t('mail.footer', { org: organisationName })}${contact ? ` ${t('mail.questions')} ${contact}.` : ''}`;
}

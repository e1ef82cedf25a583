import type { SafeHtml } from '../html.js';

/** Who a requester mail is from and about: common to every mail about a request. */
export interface RequestMailParty {
  organisationName: string;
  contact?: string;
  requesterName: string;
  reference: string;
  requestLabel: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Every mail carries the organisation's name and how to reach it; requester text is escaped by the JSX runtime. */
export function mailLayout(organisationName: string, contact: string | undefined, body: SafeHtml): string {
  const document = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{organisationName}</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40rem">
        {body}
        <hr />
        <p style="font-size: .9em; color: #555">
          Sent for {organisationName} by Rightsdesk, which handles its privacy requests.
          {contact && (
            <>
              {' Questions: '}
              <a href={`mailto:${contact}`}>{contact}</a>.
            </>
          )}
        </p>
      </body>
    </html>
  );
  return `<!doctype html>\n${document.value}`;
}

export function textFooter(organisationName: string, contact: string | undefined): string {
  return `--\nSent for ${organisationName} by Rightsdesk, which handles its privacy requests.${contact ? ` Questions: ${contact}.` : ''}`;
}

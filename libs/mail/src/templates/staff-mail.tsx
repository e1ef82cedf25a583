import { mailLayout, type RenderedMail, textFooter } from './mail-layout.js';
import type { MailPart } from './requester-mail.js';

/** Who a staff mail is for. Staff mails name requests by reference only: no requester data travels by mail. */
export interface StaffMailFrame {
  organisationName: string;
  /** The staff member's name; null for the organisation's privacy inbox. */
  recipientName: string | null;
}

/** One request as staff mails list it, with a link to its page in the console. */
export interface StaffRequestLine {
  reference: string;
  /** The request's type in words, e.g. "deletion". */
  type: string;
  /** Absolute link to the request's page. */
  url: string;
}

/** Greeting, content and footer of every mail to an organisation's privacy team. */
export function staffMail(m: StaffMailFrame, subject: string, parts: MailPart[]): RenderedMail {
  const greeting = m.recipientName ? `Hello ${m.recipientName},` : `Hello ${m.organisationName} privacy team,`;
  const text = `${greeting}

${parts.map((p) => p.text).join('\n\n')}

${textFooter(m.organisationName, undefined)}`;
  const body = (
    <>
      <p>{greeting}</p>
      {parts.map((p) => p.html)}
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, undefined, body) };
}

/** A link to a console page, as its own paragraph. */
export function consoleLink(label: string, url: string): MailPart {
  return {
    text: `${label}: ${url}`,
    html: (
      <p>
        <a href={url}>{label}</a>
      </p>
    ),
  };
}

/** Requests as a list: reference, type and what the caller says about each, linked to their pages. */
export function requestList<T extends StaffRequestLine>(lines: readonly T[], say: (line: T) => string): MailPart {
  return {
    text: lines.map((l) => `- ${l.reference} (${l.type}): ${say(l)}\n  ${l.url}`).join('\n'),
    html: (
      <ul>
        {lines.map((l) => (
          <li>
            <a href={l.url}>{l.reference}</a> ({l.type}): {say(l)}
          </li>
        ))}
      </ul>
    ),
  };
}

export const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);

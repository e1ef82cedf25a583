import type { SafeHtml } from '../html.js';
import { translator } from '../i18n/i18n.js';
import { mailLayout, quotedLabel, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { StatusLink } from './request-links.js';

/** A mail about a request the requester already made: who it is from, which request, and a fresh status link. */
export interface RequesterMailFrame extends RequestMailParty {
  statusUrl: string;
}

/** One part of a mail, said once as plain text and once as HTML. */
export interface MailPart {
  text: string;
  html: SafeHtml;
}

/** Greeting, the request it is about, the content, the status link and the footer: the frame of every progress mail. */
export function requesterMail(m: RequesterMailFrame, subject: string, parts: MailPart[]): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const hello = t('mail.hello', { name: m.requesterName });
  const label = quotedLabel(m.requestLabel);
  const about = (quoted: string) => t('mail.about', { org: m.organisationName, label: quoted, reference: m.reference });
  const text = `${hello}

${about(label.text)}

${parts.map((p) => p.text).join('\n\n')}

${t('mail.follow')}
${m.statusUrl}

${textFooter(m.organisationName, m.contact, language)}`;
  const body = (
    <>
      <p>{hello}</p>
      <p>{about(label.html)}</p>
      {parts.map((p) => p.html)}
      <StatusLink url={m.statusUrl}>{t('mail.follow')}</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body, language) };
}

/** A paragraph of our own wording. */
export function paragraph(text: string): MailPart {
  return { text, html: <p>{text}</p> };
}

/**
 * Text someone wrote (staff or the requester), quoted: indented in the text part, a blockquote in HTML,
 * escaped, with its line breaks kept.
 */
export function quoted(text: string): MailPart {
  const lines = text.trim().split(/\r?\n/);
  return {
    text: lines.map((line) => `> ${line}`).join('\n'),
    html: (
      <blockquote style="margin: .5rem 0; padding-left: .8rem; border-left: 3px solid #bbb">
        {lines.map((line, i) =>
          i === 0 ? (
            line
          ) : (
            <>
              <br />
              {line}
            </>
          ),
        )}
      </blockquote>
    ),
  };
}

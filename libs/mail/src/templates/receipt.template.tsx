import { translator } from '../i18n/i18n.js';
import { mailLayout, quotedLabel, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { StatusLink } from './request-links.js';

export interface ReceiptMailInput extends RequestMailParty {
  statusUrl: string;
  /** Already formatted in the organisation's time zone. */
  dueOn: string;
}

/**
 * The acknowledgement of requests the law says need no verification (opt-outs): we have it, what happens next and
 * by when, and how to follow it.
 */
export function receiptMail(m: ReceiptMailInput): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const org = m.organisationName;
  const subject = t('mail.receiptSubject', { reference: m.reference, org });
  const hello = t('mail.hello', { name: m.requesterName });
  const label = quotedLabel(m.requestLabel);
  const received = (quoted: string) => t('mail.receivedRequest', { org, label: quoted, reference: m.reference });
  const nothingMore = t('mail.receiptNothingMore', { org, date: m.dueOn });
  const text = `${hello}

${received(label.text)}
${nothingMore}

${t('mail.follow')}
${m.statusUrl}

${textFooter(org, m.contact, language)}`;
  const body = (
    <>
      <p>{hello}</p>
      <p>{received(label.html)}</p>
      <p>{nothingMore}</p>
      <StatusLink url={m.statusUrl}>{t('mail.follow')}</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(org, m.contact, body, language) };
}

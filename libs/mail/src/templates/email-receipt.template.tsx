import { translator } from '../i18n/i18n.js';
import { policyOf } from '../possessive.js';
import { mailLayout, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { StatusLink } from './request-links.js';

export interface EmailReceiptMailInput extends Omit<RequestMailParty, 'requestLabel' | 'requesterName'> {
  statusUrl: string;
}

/**
 * The acknowledgement of a mail to a privacy address: we have it, someone will read it, and what comes next.
 * It promises no date: which right the mail exercises (and so its deadline) is known only once staff read it.
 * It quotes nothing the sender wrote (no subject, no name): whoever forges a From line must not be able to make
 * us carry their words to someone else.
 */
export function emailReceiptMail(m: EmailReceiptMailInput): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const subject = t('mail.emailReceiptSubject', { org: m.organisationName, reference: m.reference });
  const address = policyOf(language, m.organisationName, 'privacyAddress');
  const received = t('mail.emailReceiptReceived', { address, reference: m.reference });
  const text = `${t('mail.helloAnyone')}

${received}
${t('mail.emailReceiptRead')}

${t('mail.followIt')}
${m.statusUrl}

${textFooter(m.organisationName, m.contact, language)}`;
  const body = (
    <>
      <p>{t('mail.helloAnyone')}</p>
      <p>{received}</p>
      <p>{t('mail.emailReceiptRead')}</p>
      <StatusLink url={m.statusUrl}>{t('mail.followIt')}</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body, language) };
}

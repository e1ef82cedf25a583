import { translator } from '../i18n/i18n.js';
import { answerDueSentence } from '../possessive.js';
import { mailLayout, quotedLabel, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { ConfirmLink, StatusLink } from './request-links.js';

export interface VerificationMailInput extends RequestMailParty {
  verifyUrl: string;
  statusUrl: string;
  /** Already formatted in the organisation's time zone. */
  expiresOn: string;
  /** When the answer is due; where confirming starts the clock, the date it is due if confirmed today. */
  dueOn: string;
  /** GDPR/UK GDPR: the period runs from the confirmation, not from receipt. */
  clockStartsOnConfirmation: boolean;
  /** No law applies and the policy sets no deadline: the due date is the organisation's own target. */
  internalTarget?: boolean;
}

/**
 * The acknowledgement of receipt (CCPA: within 10 business days; we send it at once): what happens next, how
 * verification works and when to expect an answer. Confirming proves control of the address before anything is
 * disclosed or deleted.
 */
export function verificationMail(m: VerificationMailInput): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const org = m.organisationName;
  const subject = t('mail.verifySubject', { reference: m.reference, org });
  const answer = m.clockStartsOnConfirmation
    ? t('mail.verifyOneMonth', { org, date: m.dueOn })
    : answerDueSentence(org, m.dueOn, m.internalTarget === true, language);
  const steps = [
    t('mail.verifyStep1', { date: m.expiresOn }),
    t('mail.verifyStep2', { org, answer }),
    t('mail.verifyStep3'),
  ];
  const label = quotedLabel(m.requestLabel);
  const received = (quoted: string) => t('mail.receivedRequest', { org, label: quoted, reference: m.reference });
  const text = `${t('mail.hello', { name: m.requesterName })}

${received(label.text)}

${t('mail.verifyOpen')}
${m.verifyUrl}

${t('mail.verifyNext')}:
${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}

${t('mail.verifyIgnore')}

${t('mail.followAnyTime')}
${m.statusUrl}

${textFooter(org, m.contact, language)}`;
  const body = (
    <>
      <p>{t('mail.hello', { name: m.requesterName })}</p>
      <p>{received(label.html)}</p>
      <p>{t('mail.verifyOpen')}</p>
      <ConfirmLink url={m.verifyUrl}>{t('mail.confirmButton')}</ConfirmLink>
      <p>
        <strong>{t('mail.verifyNext')}</strong>
      </p>
      <ol>
        {steps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>{t('mail.verifyIgnore')}</p>
      <StatusLink url={m.statusUrl}>{t('mail.followAnyTime')}</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(org, m.contact, body, language) };
}

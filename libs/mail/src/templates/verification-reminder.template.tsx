import { translator } from '../i18n/i18n.js';
import { mailLayout, quotedLabel, type RenderedMail, textFooter } from './mail-layout.js';
import { ConfirmLink, StatusLink } from './request-links.js';
import type { VerificationMailInput } from './verification.template.js';

export interface VerificationReminderMailInput extends Omit<
  VerificationMailInput,
  'dueOn' | 'clockStartsOnConfirmation'
> {
  /** Made by this authorised agent: the consumer is reminded to confirm they gave the agent permission. */
  agentName?: string;
}

/** Two days before the link expires: a fresh link (the earlier one stops working) that expires at the same time. */
export function verificationReminderMail(m: VerificationReminderMailInput): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const words = { org: m.organisationName, reference: m.reference, agent: m.agentName ?? '' };
  const subject = t('mail.reminderSubject', words);
  const label = quotedLabel(m.requestLabel);
  const waiting = (quoted: string) =>
    t(m.agentName === undefined ? 'mail.reminderWaiting' : 'mail.reminderAgentWaiting', { ...words, label: quoted });
  const ifNot = t(m.agentName === undefined ? 'mail.reminderIgnore' : 'mail.reminderAgentIgnore', words);
  const replaces = `${t('mail.reminderReplaces', { date: m.expiresOn })} ${ifNot}`;
  const text = `${t('mail.hello', { name: m.requesterName })}

${waiting(label.text)}

${t('mail.reminderOpen')}
${m.verifyUrl}

${replaces}

${t('mail.followAnyTime')}
${m.statusUrl}

${textFooter(m.organisationName, m.contact, language)}`;
  const body = (
    <>
      <p>{t('mail.hello', { name: m.requesterName })}</p>
      <p>{waiting(label.html)}</p>
      <p>{t('mail.reminderOpen')}</p>
      <ConfirmLink url={m.verifyUrl}>{t('mail.confirmButton')}</ConfirmLink>
      <p>{replaces}</p>
      <StatusLink url={m.statusUrl}>{t('mail.followAnyTime')}</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body, language) };
}

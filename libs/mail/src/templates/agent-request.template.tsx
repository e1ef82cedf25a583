import type { Language } from '#policy';

import { translator } from '../i18n/i18n.js';
import { answerDueSentence } from '../possessive.js';
import { mailLayout, quotedLabel, type RenderedMail, textFooter } from './mail-layout.js';
import { ConfirmLink, StatusLink } from './request-links.js';
import type { VerificationMailInput } from './verification.template.js';

export interface AgentConfirmationMailInput extends VerificationMailInput {
  /** The authorised agent who made the request, as they named themselves. */
  agentName: string;
}

/**
 * To the consumer an agent named (CCPA regs §7063(a)(2)): confirm directly that you gave the agent permission, or
 * say you did not. This is also the acknowledgement of receipt, so it says what happens next and by when.
 */
export function agentConfirmationMail(m: AgentConfirmationMailInput): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const words = {
    agent: m.agentName,
    org: m.organisationName,
    reference: m.reference,
    date: m.dueOn,
  };
  const label = quotedLabel(m.requestLabel);
  const subject = t('mail.agentSubject', words);
  const answer = m.clockStartsOnConfirmation
    ? t('mail.agentOneMonth', words)
    : m.internalTarget
      ? answerDueSentence(m.organisationName, m.dueOn, true, language)
      : t('mail.agentMustAnswer', words);
  const intro = (quoted: string) => t('mail.agentIntro', { ...words, label: quoted });
  const confirm = t('mail.agentConfirm', { ...words, date: m.expiresOn });
  const refuse = t('mail.agentRefuse', words);
  const answerComes = `${answer} ${t('mail.agentAnswerComes')}`;
  const text = `${t('mail.hello', { name: m.requesterName })}

${intro(label.text)}

${confirm}
${m.verifyUrl}

${refuse}

${answerComes}

${t('mail.agentFollow')}
${m.statusUrl}

${textFooter(m.organisationName, m.contact, language)}`;
  const body = (
    <>
      <p>{t('mail.hello', { name: m.requesterName })}</p>
      <p>{intro(label.html)}</p>
      <p>{confirm}</p>
      <ConfirmLink url={m.verifyUrl}>{t('mail.agentConfirmLink')}</ConfirmLink>
      <p>{refuse}</p>
      <p>{answerComes}</p>
      <StatusLink url={m.statusUrl}>{t('mail.agentFollow')}</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body, language) };
}

export interface AgentReceiptMailInput {
  organisationName: string;
  contact?: string;
  agentName: string;
  reference: string;
  requestLabel: string;
  /** Already formatted in the organisation's time zone. */
  dueOn: string;
  /** The language of the form the agent used. */
  language?: Language;
}

/**
 * To the agent: the request arrived and waits for the consumer's own confirmation. Nothing of the consumer's
 * beyond the reference and that state, and no status link: the request and its answer are the consumer's.
 */
export function agentReceiptMail(m: AgentReceiptMailInput): RenderedMail {
  const language = m.language ?? 'en';
  const t = translator(language);
  const words = { org: m.organisationName, reference: m.reference, date: m.dueOn };
  const subject = t('mail.agentReceiptSubject', words);
  const label = quotedLabel(m.requestLabel);
  const lines = (quoted: string) => [
    t('mail.agentReceiptReceived', { ...words, label: quoted }),
    t('mail.agentReceiptWaits', words),
    t('mail.agentReceiptDue', words),
  ];
  const text = `${t('mail.hello', { name: m.agentName })}

${lines(label.text).join('\n\n')}

${textFooter(m.organisationName, m.contact, language)}`;
  const body = (
    <>
      <p>{t('mail.hello', { name: m.agentName })}</p>
      {lines(label.html).map((line) => (
        <p>{line}</p>
      ))}
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body, language) };
}

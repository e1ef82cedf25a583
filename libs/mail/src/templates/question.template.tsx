import { translator } from '../i18n/i18n.js';
import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export interface QuestionMailInput extends RequesterMailFrame {
  question: string;
  /** GDPR/UK GDPR: the time limit stands still until the requester answers. */
  clockPaused: boolean;
}

/** Staff need something from the requester; they answer on the status page. */
export function questionMail(m: QuestionMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.questionSubject', { reference: m.reference, org }), [
    paragraph(t('mail.questionNeeds', { org })),
    quoted(m.question),
    paragraph(t('mail.questionAnswer')),
    paragraph(m.clockPaused ? t('mail.questionPaused') : t('mail.questionMeanwhile')),
  ]);
}

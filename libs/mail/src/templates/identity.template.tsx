import { translator } from '../i18n/i18n.js';
import type { RenderedMail } from './mail-layout.js';
import { paragraph, requesterMail, type RequesterMailFrame } from './requester-mail.js';

/**
 * A request for specific pieces verified only to a reasonable degree: the law has it answered with the categories
 * instead, by the same date, and the requester told why.
 */
export function answeredAsCategoriesMail(m: RequesterMailFrame): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('identity.categoriesSubject', { reference: m.reference, org }), [
    paragraph(t('identity.categoriesText', { org })),
    paragraph(t('identity.categoriesNext', { org })),
  ]);
}

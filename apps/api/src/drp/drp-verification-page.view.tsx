import { organisationsThing, translator } from '#mail';
import type { Language } from '#policy';

import { page } from '../views/layout.view.js';

/** The organisation's name, whether the request still waits for its requester's confirmation, and the page's language. */
export interface WaitingModel {
  name: string;
  waiting: boolean;
  language: Language;
}

/** Tells the requester to confirm from the email, and nothing of the request beyond whether it still waits. */
export function waitingPage({ name, waiting, language }: WaitingModel): string {
  const t = translator(language);
  const form = t('drpWaiting.form');
  const formOf = language === 'en' ? organisationsThing(name, form) : `el ${form} de ${name.trim()}`;
  const body = waiting ? (
    <>
      <h1>{t('drpWaiting.title', { org: name })}</h1>
      <p>{t('drpWaiting.text', { org: name })}</p>
      <p>{t('drpWaiting.noEmail', { form: formOf })}</p>
    </>
  ) : (
    <>
      <h1>{t('drpWaiting.doneTitle')}</h1>
      <p>{t('drpWaiting.doneText')}</p>
    </>
  );
  return page(t('drpWaiting.title', { org: name }), body, name, language);
}

import { translator } from '#mail';
import type { Language } from '#policy';

import { page } from '../views/layout.view.js';

export type ConfirmFormModel = {
  token: string;
  organisationName: string;
  reference: string;
  csrfToken: string;
  language: Language;
};

/** The mailed link's page: one button, so link scanners that fetch mail links do not confirm for the requester. */
export function confirmPage(model: ConfirmFormModel): string {
  const t = translator(model.language);
  const body = (
    <>
      <h1>{t('verify.heading', { reference: model.reference })}</h1>
      <p>{t('verify.text', { org: model.organisationName })}</p>
      <form method="post" action={`/v/${model.token}`}>
        <input type="hidden" name="_csrf" value={model.csrfToken} />
        <button type="submit">{t('verify.button')}</button>
      </form>
    </>
  );
  return page(t('verify.title'), body, model.organisationName, model.language);
}

import { translator } from '#mail';
import type { Language } from '#policy';

import { CsrfField } from './components/page-parts.js';
import { page } from './layout.view.js';

/**
 * The consumer's side of an agent's request (CCPA regs §7063(a)(2)): confirm directly that they gave the agent
 * permission, or say they did not. Both are POSTs, so a mail scanner fetching the link does neither.
 */
export function agentConfirmPage(v: {
  organisationName: string;
  reference: string;
  agentName: string;
  token: string;
  csrfToken: string;
  language: Language;
}): string {
  const t = translator(v.language);
  const names = { agent: v.agentName, org: v.organisationName };
  const body = (
    <>
      <h1>{t('agentPages.confirmHeading', names)}</h1>
      <p>
        {t('agentPages.confirmAsked', names)} <strong id="reference">{v.reference}</strong>).
      </p>
      <p>{t('agentPages.confirmOnly', names)}</p>
      <form method="post" action={`/v/${v.token}`}>
        <CsrfField token={v.csrfToken} />
        <button type="submit">{t('agentPages.confirmButton')}</button>
      </form>
      <form method="post" action={`/v/${v.token}/refuse`}>
        <CsrfField token={v.csrfToken} />
        <button type="submit" class="secondary">
          {t('agentPages.refuseButton')}
        </button>
      </form>
    </>
  );
  return page(t('agentPages.confirmTitle'), body, v.organisationName, v.language);
}

export function agentRefusedPage(v: { organisationName: string; reference: string; language: Language }): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('agentPages.refusedHeading')}</h1>
      <p>
        {t('agentPages.refusedText', { org: v.organisationName })} <strong id="reference">{v.reference}</strong>.{' '}
        {t('agentPages.refusedClosed')}
      </p>
      <p>{t('agentPages.refusedWorried', { org: v.organisationName })}</p>
    </>
  );
  return page(t('agentPages.refusedTitle'), body, v.organisationName, v.language);
}

export function agentAlreadyConfirmedPage(organisationName?: string, language: Language = 'en'): string {
  const t = translator(language);
  const body = (
    <>
      <h1>{t('agentPages.alreadyHeading')}</h1>
      <p>{t('agentPages.alreadyText', { org: organisationName ?? t('agentPages.theOrganisation') })}</p>
    </>
  );
  return page(t('agentPages.alreadyTitle'), body, organisationName, language);
}

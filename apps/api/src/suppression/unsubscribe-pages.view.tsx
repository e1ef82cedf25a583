import { organisationsThing, translator } from '#mail';
import type { Language } from '#policy';

import { page } from '../views/layout.view.js';

/** "ProntoTrak's marketing email", or in another language its own order ("el correo publicitario de ProntoTrak"). */
function marketingEmailOf(organisationName: string, language: Language): string {
  const thing = translator(language)('unsubscribe.marketingEmail');
  return language === 'en' ? organisationsThing(organisationName, thing) : `${thing} de ${organisationName.trim()}`;
}

/** The page a link in a mail opens: one button, because fetching a link (mail scanners do) must not unsubscribe. */
export function unsubscribeConfirmPage(v: {
  organisationName: string;
  email: string;
  token: string;
  alreadyUnsubscribed: boolean;
  language: Language;
}): string {
  const t = translator(v.language);
  const body = v.alreadyUnsubscribed ? (
    <>
      <h1>{t('unsubscribe.doneHeading')}</h1>
      <p>{t('unsubscribe.alreadyText', { email: v.email, org: v.organisationName })}</p>
    </>
  ) : (
    <>
      <h1>{t('unsubscribe.heading', { thing: marketingEmailOf(v.organisationName, v.language) })}</h1>
      <p>
        {t('unsubscribe.willStop', { org: v.organisationName, email: v.email })} {t('unsubscribe.atOnce')}
      </p>
      {/* The page's language goes with the post, so the answer is in it too. */}
      <form method="post" action={`/u/${v.token}?lang=${v.language}`}>
        <button type="submit" id="unsubscribe">
          {t('unsubscribe.button')}
        </button>
      </form>
    </>
  );
  return page(t('unsubscribe.title'), body, v.organisationName, v.language);
}

export function unsubscribedPage(v: {
  organisationName: string;
  email: string;
  reference: string | null;
  language: Language;
}): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('unsubscribe.doneHeading')}</h1>
      <p>
        {t('unsubscribe.willStop', { org: v.organisationName, email: v.email })}
        {v.reference && (
          <>
            {` ${t('unsubscribe.reference')} `}
            <strong>{v.reference}</strong>.
          </>
        )}
      </p>
      <p>{t('unsubscribe.stillPrivacyMail')}</p>
    </>
  );
  return page(t('unsubscribe.doneTitle'), body, v.organisationName, v.language);
}

export function unsubscribeRefusedPage(language: Language): string {
  const t = translator(language);
  const body = (
    <>
      <h1>{t('unsubscribe.refusedHeading')}</h1>
      <p>{t('unsubscribe.refusedText')}</p>
    </>
  );
  return page(t('unsubscribe.refusedTitle'), body, undefined, language);
}

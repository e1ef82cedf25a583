import { translator } from '#mail';
import type { Language } from '#policy';

import { page } from './layout.view.js';

export interface OrganisationIndexModel {
  organisations: readonly { slug: string; name: string }[];
  language: Language;
}

/** The front page: each organisation taking requests here, linked to its form. Names are escaped like all text. */
export function organisationIndexPage({ organisations, language }: OrganisationIndexModel): string {
  const t = translator(language);
  const body = (
    <>
      <h1>{t('index.title')}</h1>
      <p>{t('index.text')}</p>
      {organisations.length === 0 ? (
        <p id="no-organisations">{t('index.none')}</p>
      ) : (
        <ul class="organisations">
          {organisations.map((o) => (
            <li>
              <a href={`/o/${encodeURIComponent(o.slug)}/requests/new`}>{o.name}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return page(t('index.title'), body, undefined, language);
}

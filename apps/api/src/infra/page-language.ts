import type { Request } from 'express';

import type { OrganisationContext } from '#db';
import { chooseLanguage } from '#mail';
import { type Language, LANGUAGES, offeredLanguages } from '#policy';

/** A public page's language: its switch (`?lang=`, kept on a form's post), the browser's Accept-Language, or the default. */
export function pageLanguage(req: Request, context: OrganisationContext): Language {
  return chooseLanguage(offeredLanguages(context.policy), req.query.lang, (languages) =>
    req.acceptsLanguages(languages),
  );
}

/**
 * The language of a page that belongs to no organisation it may name (the front page, an error, a link that opens
 * nothing): chosen the same way among every language Rightsdesk has.
 */
export function anyPageLanguage(req: Request): Language {
  return chooseLanguage(LANGUAGES, req.query.lang, (languages) => req.acceptsLanguages(languages));
}

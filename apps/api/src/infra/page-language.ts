import type { Request } from 'express';

import type { OrganisationContext } from '#db';
import { chooseLanguage } from '#mail';
import { type Language, offeredLanguages } from '#policy';

/** A public page's language: its switch (`?lang=`, kept on a form's post), the browser's Accept-Language, or the default. */
export function pageLanguage(req: Request, context: OrganisationContext): Language {
  return chooseLanguage(offeredLanguages(context.policy), req.query.lang, (languages) =>
    req.acceptsLanguages(languages),
  );
}

import i18next from 'i18next';

import {
  findRight,
  type Language,
  LANGUAGES,
  type OrganisationPolicy,
  type PolicyRight,
  type RequestType,
} from '#policy';
import type { GpcDecision } from '#workflow';

import { type Catalogue, en } from './en.js';
import { es } from './es.js';

/** A catalogue key, "section.key". */
export type MessageKey = { [S in keyof Catalogue]: `${S & string}.${keyof Catalogue[S] & string}` }[keyof Catalogue];
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Language, Catalogue> = { en, es };

// One instance for the process, initialised synchronously from the bundled catalogues: nothing is fetched.
const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogues[l] }])),
  supportedLngs: [...LANGUAGES],
  fallbackLng: 'en',
  initAsync: false,
  // The JSX runtime escapes every interpolated value where it is rendered; mail text parts are plain text.
  interpolation: { escapeValue: false },
});

/** The wording of one language. */
export function translator(language: Language): Translate {
  const t = instance.getFixedT(language);
  return (key, params = {}) => t(key, params);
}

/**
 * The page's language: the switch's `?lang=` when the organisation offers it, else the best the browser accepts
 * (its Accept-Language, as `accepted` reads it: express's req.acceptsLanguages), else the organisation's first.
 */
export function chooseLanguage(
  offered: readonly Language[],
  switched: unknown,
  accepted: (languages: string[]) => string | false,
): Language {
  const fromSwitch = offered.find((l) => l === switched);
  if (fromSwitch) return fromSwitch;
  const best = accepted([...offered]);
  return offered.find((l) => l === best) ?? offered[0];
}

/** Whether a stored language is one we have wording for (rows are text; a language dropped later reads as English). */
export function storedLanguage(value: string | null | undefined): Language {
  return LANGUAGES.find((l) => l === value) ?? 'en';
}

/**
 * A right as the requester reads it: in English the policy's own label; in another language our wording of its type,
 * since the policy's labels are written in the policy's language.
 */
export function rightLabel(right: Pick<PolicyRight, 'label' | 'type'>, language: Language): string {
  return language === 'en' ? right.label : translator(language)(`requestTypes.${right.type}`);
}

/** How a request is named to its requester: its right, or for mail staff have not classified, the mail itself. */
export function requestLabelIn(
  language: Language,
  request: { status: string; rightId: string; type: RequestType },
  policy: OrganisationPolicy,
): string {
  const t = translator(language);
  // Until classified, the right on the row is only the one whose deadline the request is held to.
  if (request.status === 'received_by_email' || request.status === 'not_a_request') return t('requestTypes.emailed');
  const right = findRight(policy, request.rightId);
  return right ? rightLabel(right, language) : t(`requestTypes.${request.type}`);
}

/** What the browser's Global Privacy Control signal means at this organisation, in the page's language. */
export function gpcExplanation(decision: GpcDecision, organisationName: string, language: Language): string {
  const key = decision.outcome === 'honoured' ? 'honoured' : decision.reason;
  return translator(language)(`gpc.${key}`, { org: organisationName });
}

import { csrfTokenIn, FormClient, linkIn, referenceIn } from './form-client.js';
import type { SmtpSink } from './smtp-sink.js';

/** What a requester types about themselves; tests that trace personal data give each request its own. */
export interface RequesterFields {
  name: string;
  phone: string;
  details: string;
}

/**
 * The declaration under penalty of perjury a CCPA request for specific pieces of personal information needs
 * (Securus Technologies' ccpa-know); the form reads it only for a right that needs it.
 */
export const SIGNED_DECLARATION = {
  declaration: 'yes',
  declarationName: 'Ada Lovelace',
  declarationDate: '2026-01-15',
} as const;

/** Files a request on the organisation's public form, as a requester would; returns its reference. */
export async function submitRequest(
  baseUrl: string,
  slug: string,
  email: string,
  rightId: string,
  person: Partial<RequesterFields> = {},
): Promise<string> {
  const response = await new FormClient(baseUrl).submitForm(`/o/${slug}/requests/new`, `/o/${slug}/requests`, {
    name: person.name ?? 'Ada Lovelace',
    email,
    phone: person.phone ?? '',
    rightId,
    // Asked only where the organisation also processes data for others (Securus Software, West); ignored elsewhere.
    dataContext: 'own',
    relationship: 'self',
    details: person.details ?? 'Account name ada-l',
    website: '',
    ...SIGNED_DECLARATION,
  });
  if (response.status !== 201) throw new Error(`submitting to ${slug} answered ${response.status}`);
  return referenceIn(response.body);
}

/**
 * Opens the verification link mailed to the address and presses Confirm, as the requester would, at once.
 * Returns the mailed links: the used verification link and the private status link.
 */
export async function confirmFromMail(
  sink: SmtpSink,
  baseUrl: string,
  email: string,
): Promise<{ verifyUrl: string; statusUrl: string }> {
  const [mail] = await sink.waitForMailsTo(email);
  const verifyUrl = linkIn(mail.text, baseUrl, '/v/');
  const client = new FormClient(baseUrl);
  const page = await client.get(verifyUrl);
  if (page.status !== 200) throw new Error(`opening ${verifyUrl} answered ${page.status}`);
  const confirmed = await client.post(verifyUrl, { _csrf: csrfTokenIn(page.body) });
  if (confirmed.status !== 200 || !confirmed.body.includes('your request is confirmed')) {
    throw new Error(`confirming ${verifyUrl} answered ${confirmed.status}`);
  }
  return { verifyUrl, statusUrl: linkIn(mail.text, baseUrl, '/s/') };
}

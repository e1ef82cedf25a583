import type { Regime } from '#policy';

import { mailLayout, type RenderedMail, textFooter } from './mail-layout.js';
import { ConfirmLink } from './request-links.js';
import { type MailPart, paragraph } from './requester-mail.js';

export interface VendorRequestMailInput {
  organisationName: string;
  /** The organisation's privacy address: where a service provider sends what it holds about the person. */
  contact?: string;
  /** The service provider, as the data map names it. */
  vendorName: string;
  reference: string;
  purpose: 'access' | 'erasure';
  /**
   * What the provider may search by, and nothing else of the request: this goes to a processor, and is the least it
   * needs to find the person.
   */
  identity: { email?: string; phone?: string; accountId?: string };
  regime: Regime;
  /** The single-use link that records the provider's confirmation. */
  confirmUrl: string;
  /** 0 for the request itself; the reminder's number otherwise. */
  reminder: number;
}

/** Why the provider is asked, in the words of the law that governs the request. */
function legalBasis(regime: Regime, purpose: 'access' | 'erasure', organisationName: string): string {
  switch (regime) {
    case 'ccpa':
      return purpose === 'erasure'
        ? `The California Consumer Privacy Act requires a business that deletes a consumer's personal information to notify its service providers and contractors to delete it from their records (Cal. Civ. Code §1798.105(c)(1)), and requires them to cooperate with the business in doing so, including by notifying their own service providers and contractors (§1798.105(c)(3)).`
        : `The California Consumer Privacy Act requires a service provider or contractor to assist the business in responding to a verifiable consumer request, including by providing the business the consumer's personal information in its possession (Cal. Civ. Code §1798.130(a)(3)(A)).`;
    case 'gdpr':
    case 'uk_gdpr': {
      const law = regime === 'gdpr' ? 'the GDPR' : 'the UK GDPR';
      return purpose === 'erasure'
        ? `The person has exercised the right to erasure (Article 17 of ${law}). ${organisationName}, as controller, communicates the erasure to each recipient of the data (Article 19), and a processor assists the controller in responding to requests to exercise data subjects' rights (Article 28(3)(e)).`
        : `The person has exercised the right of access (Article 15 of ${law}). A processor assists the controller in responding to requests to exercise data subjects' rights (Article 28(3)(e)).`;
    }
    case 'us_state':
      return `Under the state privacy law that governs this request, a processor assists the controller in responding to consumers' requests to exercise their rights.`;
    default:
      return `${organisationName} asks for this under its agreement with you, which covers helping it answer privacy requests.`;
  }
}

function identityLines(identity: VendorRequestMailInput['identity']): [string, string][] {
  return [
    ['Email address', identity.email],
    ['Phone number', identity.phone],
    ['Account id', identity.accountId],
  ].filter((line): line is [string, string] => typeof line[1] === 'string');
}

/**
 * To a service provider the organisation's data map names: a verified request's part it must do (delete, or send the
 * data it holds), the identity values to find the person by and no other personal data, the law it is asked under,
 * and a single-use link to confirm once done. Reminders repeat it with the same link.
 */
export function vendorRequestMail(m: VendorRequestMailInput): RenderedMail {
  const ask =
    m.purpose === 'erasure'
      ? 'Please delete the personal data of one person'
      : 'Please send us the personal data of one person';
  const subject = `${m.reminder > 0 ? 'Reminder: ' : ''}${ask} (${m.organisationName}, privacy request ${m.reference})`;
  const sendTo = m.contact ? `to ${m.contact}` : `to ${m.organisationName}`;
  const what =
    m.purpose === 'erasure'
      ? `${m.organisationName} received a verified request from a person to delete their personal data (reference ${m.reference}). As its service provider, please delete the personal data you hold about this person from your records, and have your own service providers and contractors do the same.`
      : `${m.organisationName} received a verified request from a person to know the personal data held about them (reference ${m.reference}). As its service provider, please send the personal data you hold about this person ${sendTo}, quoting the reference.`;
  const lines = identityLines(m.identity);
  const parts: MailPart[] = [
    ...(m.reminder > 0
      ? [
          paragraph(
            `We asked you for this before and have not had your confirmation yet: this is reminder ${m.reminder}.`,
          ),
        ]
      : []),
    paragraph(what),
    {
      text: `Find the person by these details (they are all we send):\n${lines.map(([label, value]) => `- ${label}: ${value}`).join('\n')}`,
      html: (
        <>
          <p>Find the person by these details (they are all we send):</p>
          <ul>
            {lines.map(([label, value]) => (
              <li>
                {label}: <strong>{value}</strong>
              </li>
            ))}
          </ul>
        </>
      ),
    },
    paragraph(legalBasis(m.regime, m.purpose, m.organisationName)),
    {
      text: `When it is done, confirm it here. The link works once; opening it shows a page with a button, and nothing is recorded until you press it:\n${m.confirmUrl}`,
      html: (
        <>
          <p>
            When it is done, confirm it with this link. It works once; opening it shows a page with a button, and
            nothing is recorded until you press it.
          </p>
          <ConfirmLink url={m.confirmUrl}>
            {m.purpose === 'erasure' ? 'Confirm the deletion' : 'Confirm the data was sent'}
          </ConfirmLink>
        </>
      ),
    },
    paragraph(
      `If you hold no personal data about this person, confirm all the same: that is your answer. Questions about this request: ${m.contact ?? `reply to ${m.organisationName}`}.`,
    ),
  ];
  const text = `Hello ${m.vendorName},

${parts.map((p) => p.text).join('\n\n')}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello {m.vendorName},</p>
      {parts.map((p) => p.html)}
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}

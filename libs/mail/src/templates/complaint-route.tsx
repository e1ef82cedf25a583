import type { Language, Regime } from '#policy';

import { translator } from '../i18n/i18n.js';
import { type MailPart, paragraph } from './requester-mail.js';

/** How the requester reaches the organisation where no regulator is named (regime none): an address, number or post. */
export interface OrganisationContact {
  organisationName: string;
  /** The policy's privacy address or another way it gives to reach the organisation; absent when it gives none. */
  contact?: string;
}

/**
 * Where a requester can take a refusal, as the law of the request provides: CCPA → the California Privacy
 * Protection Agency or the Attorney General (Civ. Code §1798.199.45, §1798.155); UK GDPR → the ICO (Art 77);
 * GDPR → a supervisory authority (Art 12(4), 77); state laws → an appeal, then the state Attorney General;
 * CAN-SPAM → the FTC; TCPA → the FCC; no law → the organisation itself.
 */
export function complaintRoute(regime: Regime, org: OrganisationContact, language: Language = 'en'): MailPart {
  const t = translator(language);
  switch (regime) {
    case 'ccpa':
      return linked(t('complaint.ccpa', { cppa: 'https://cppa.ca.gov', oag: 'https://oag.ca.gov/privacy' }));
    case 'uk_gdpr':
      return linked(t('complaint.uk_gdpr', { ico: 'https://ico.org.uk/make-a-complaint/' }));
    case 'gdpr':
      return paragraph(t('complaint.gdpr'));
    case 'us_state':
      return paragraph(
        t('complaint.us_state', { org: org.organisationName, contact: org.contact ? ` (${org.contact})` : '' }),
      );
    case 'can_spam':
      return linked(t('complaint.can_spam', { ftc: 'https://reportfraud.ftc.gov' }));
    case 'fcc_tcpa':
      return linked(t('complaint.fcc_tcpa', { fcc: 'https://consumercomplaints.fcc.gov' }));
    case 'none':
      return paragraph(
        org.contact
          ? t('complaint.noneContact', { org: org.organisationName, contact: org.contact })
          : t('complaint.noneNoContact', { org: org.organisationName }),
      );
  }
}

/** A sentence naming regulators' addresses: written out in the text part, links (shown without the scheme) in HTML. */
function linked(text: string): MailPart {
  const pieces = text.split(/(https:\/\/[^\s)]+)/);
  return {
    text,
    html: (
      <p>{pieces.map((piece, i) => (i % 2 === 1 ? <a href={piece}>{piece.slice('https://'.length)}</a> : piece))}</p>
    ),
  };
}

import type { Regime } from '#policy';

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
export function complaintRoute(regime: Regime, org: OrganisationContact): MailPart {
  switch (regime) {
    case 'ccpa':
      return {
        text: 'If you think this decision is wrong, you can complain to the California Privacy Protection Agency (https://cppa.ca.gov) or to the California Attorney General (https://oag.ca.gov/privacy).',
        html: (
          <p>
            If you think this decision is wrong, you can complain to the California Privacy Protection Agency (
            <a href="https://cppa.ca.gov">cppa.ca.gov</a>) or to the California Attorney General (
            <a href="https://oag.ca.gov/privacy">oag.ca.gov/privacy</a>).
          </p>
        ),
      };
    case 'uk_gdpr':
      return {
        text: "You have the right to complain to the Information Commissioner's Office, the UK data protection regulator (https://ico.org.uk/make-a-complaint/), and to ask a court to enforce your rights.",
        html: (
          <p>
            You have the right to complain to the Information Commissioner's Office, the UK data protection regulator (
            <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk</a>), and to ask a court to enforce your rights.
          </p>
        ),
      };
    case 'gdpr':
      return paragraph(
        'You have the right to lodge a complaint with a data protection supervisory authority, in particular in the country where you live or work or where you think your rights were infringed, and to ask a court to enforce your rights.',
      );
    case 'us_state':
      return paragraph(
        `You can appeal this decision by writing to ${org.organisationName}${org.contact ? ` (${org.contact})` : ''}. If the appeal is refused, you can complain to your state's Attorney General.`,
      );
    case 'can_spam':
      return {
        text: 'You can report unwanted commercial email to the Federal Trade Commission (https://reportfraud.ftc.gov).',
        html: (
          <p>
            You can report unwanted commercial email to the Federal Trade Commission (
            <a href="https://reportfraud.ftc.gov">reportfraud.ftc.gov</a>).
          </p>
        ),
      };
    case 'fcc_tcpa':
      return {
        text: 'You can complain about unwanted text messages to the Federal Communications Commission (https://consumercomplaints.fcc.gov).',
        html: (
          <p>
            You can complain about unwanted text messages to the Federal Communications Commission (
            <a href="https://consumercomplaints.fcc.gov">consumercomplaints.fcc.gov</a>).
          </p>
        ),
      };
    case 'none':
      return paragraph(
        org.contact
          ? `If you disagree with this decision, contact ${org.organisationName} at ${org.contact}.`
          : `If you disagree with this decision, contact ${org.organisationName} through the ways its privacy policy gives.`,
      );
  }
}

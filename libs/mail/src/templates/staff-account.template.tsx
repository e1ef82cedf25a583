import type { RenderedMail } from './mail-layout.js';
import { paragraph } from './requester-mail.js';
import { consoleLink, staffMail } from './staff-mail.js';

export interface InvitationMailInput {
  organisationName: string;
  role: string;
  /** Whether the address already has a Rightsdesk account: then the invitee signs in to accept, else sets a password. */
  existingAccount: boolean;
  url: string;
  /** Already formatted: the last day the link works. */
  expiresOn: string;
}

/** An invitation to join an organisation's privacy team. The person, not the admin, chooses or proves the password. */
export function invitationMail(m: InvitationMailInput): RenderedMail {
  const how = m.existingAccount
    ? 'You already have a Rightsdesk account: open the link and sign in with your own password to accept.'
    : 'Open the link to choose your password and join.';
  return staffMail(
    { organisationName: m.organisationName, recipientName: null },
    `You are invited to ${m.organisationName} on Rightsdesk`,
    [
      paragraph(`${m.organisationName} invites you to its privacy team on Rightsdesk, as ${m.role}. ${how}`),
      consoleLink('Accept the invitation', m.url),
      paragraph(
        `The link works once, until ${m.expiresOn}. If you did not expect this mail, ignore it: nothing happens unless you accept.`,
      ),
    ],
  );
}

export interface PasswordResetMailInput {
  recipientName: string;
  url: string;
  validMinutes: number;
}

/** A link to choose a new password, asked for on the sign-in page; belongs to no one organisation. */
export function passwordResetMail(m: PasswordResetMailInput): RenderedMail {
  const parts = [
    paragraph(
      'Someone asked to reset the password of your Rightsdesk staff account. To choose a new password, open this link:',
    ),
    consoleLink('Choose a new password', m.url),
    paragraph(
      `The link works once, for ${m.validMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
    ),
  ];
  const text = `Hello ${m.recipientName},\n\n${parts.map((p) => p.text).join('\n\n')}\n`;
  const document = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Rightsdesk</title>
      </head>
      <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40rem">
        <p>Hello {m.recipientName},</p>
        {parts.map((p) => p.html)}
      </body>
    </html>
  );
  return { subject: 'Reset your Rightsdesk password', text, html: `<!doctype html>\n${document.value}` };
}

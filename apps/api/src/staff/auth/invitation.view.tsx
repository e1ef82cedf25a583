import { staffPaths } from '#mail';

import type { PageContext } from '../../infra/page.decorator.js';
import { CsrfField } from '../../views/components/page-parts.js';
import { page } from '../../views/layout.view.js';
import { NewPasswordFields, ProblemSummary } from './password-parts.js';
import type { OpenInvitation } from './staff-links.service.js';

const LINK_DEAD =
  'This invitation link is not valid: it was used already, revoked, replaced by a newer one, or it expired. Ask the admin who invited you to invite you again.';

/** The invitation's page: its form (with what was wrong and the name typed), a dead link, or the invitee joined. */
export type InvitationModel =
  { link: string; open: OpenInvitation | null; problem?: string; name?: string } | { joinedSlug: string };

export function invitationPage(model: InvitationModel, context: PageContext): string {
  if ('joinedSlug' in model) {
    const joined = (
      <>
        <h1>You have joined</h1>
        <p>You are now a member of the organisation.</p>
        <p>
          <a href={`/staff/sign-in?next=${encodeURIComponent(staffPaths.requests(model.joinedSlug))}`}>
            Sign in to the staff console
          </a>
        </p>
      </>
    );
    return page('Invitation accepted', joined);
  }
  const { link, open, problem, name = '' } = model;
  if (!open) {
    const dead = (
      <>
        <h1>Invitation not valid</h1>
        <p>{LINK_DEAD}</p>
      </>
    );
    return page('Invitation not valid', dead);
  }
  const { invitation, organisationName, existingAccount } = open;
  const fields = existingAccount ? (
    <>
      <p>
        You already have a Rightsdesk account ({invitation.email}). Enter its password to join {organisationName} as{' '}
        {invitation.role}.
      </p>
      <label for="password">Your password</label>
      <input type="password" name="password" id="password" autocomplete="current-password" required />
      <button type="submit">Join {organisationName}</button>
    </>
  ) : (
    <>
      <p>
        Choose your name and a password to join {organisationName} as {invitation.role}. You will sign in as{' '}
        {invitation.email}.
      </p>
      <label for="name">Your name</label>
      <input type="text" name="name" id="name" autocomplete="name" maxlength="200" value={name} required />
      <NewPasswordFields />
      <button type="submit">Create my account and join</button>
    </>
  );
  const body = (
    <>
      <h1>Join {organisationName}</h1>
      <ProblemSummary problem={problem} />
      <form method="post" action={`/staff/invitations/${link}`}>
        <CsrfField token={context.csrfToken()} />
        {fields}
      </form>
    </>
  );
  return page(`Join ${organisationName}`, body);
}

import type { StaffRole } from '#db';
import { type SafeHtml, staffPaths } from '#mail';

import { page } from './layout.view.js';

export interface StaffChrome {
  userName: string;
  csrfToken: string;
  /** The organisation the page belongs to, for its navigation. */
  organisation?: { slug: string; name: string; role: StaffRole };
}

function OrganisationLinks({ slug, role }: { slug: string; role: StaffRole }) {
  return (
    <>
      <a href={staffPaths.organisation(slug)}>Overview</a> <a href={staffPaths.requests(slug)}>Queue</a>{' '}
      <a href={staffPaths.requests(slug, { assignee: 'me' })}>My requests</a>{' '}
      <a href={staffPaths.reports(slug)}>Reports</a> <a href={staffPaths.suppressions(slug)}>Suppressions</a>{' '}
      {role === 'admin' && (
        <>
          <a href={staffPaths.staff(slug)}>Staff</a> <a href={staffPaths.jobs(slug)}>Jobs</a>
        </>
      )}
    </>
  );
}

/** Every staff page: who is signed in, the organisation's sections, and sign-out. */
export function staffPage(title: string, body: SafeHtml, chrome: StaffChrome): string {
  const org = chrome.organisation;
  return page(
    title,
    <>
      <nav class="staff-nav" aria-label="Staff">
        <a href={staffPaths.home()}>Organisations</a> {org && <OrganisationLinks slug={org.slug} role={org.role} />}
        <form method="post" action={staffPaths.signOut()} class="inline">
          <input type="hidden" name="_csrf" value={chrome.csrfToken} />
          <span class="who">
            {chrome.userName}
            {org ? ` · ${org.role}` : ''}
          </span>{' '}
          <a href={staffPaths.changePassword()}>Change password</a>{' '}
          <button type="submit" class="link">
            Sign out
          </button>
        </form>
      </nav>
      {body}
    </>,
    org?.name,
  );
}

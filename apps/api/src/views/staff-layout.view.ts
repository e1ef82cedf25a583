import { html, type SafeHtml } from '#mail';
import type { StaffRole } from '#db';
import { page } from './layout.view.js';

export interface StaffChrome {
  userName: string;
  csrfToken: string;
  /** The organisation the page belongs to, for its navigation. */
  organisation?: { slug: string; name: string; role: StaffRole };
}

/** Every staff page: who is signed in, the organisation's sections, and sign-out. */
export function staffPage(title: string, body: SafeHtml, chrome: StaffChrome): string {
  const org = chrome.organisation;
  const nav = html`<nav class="staff-nav" aria-label="Staff">
<a href="/staff">Organisations</a>
${
  org
    ? html`<a href="/staff/orgs/${org.slug}/requests">Queue</a>
<a href="/staff/orgs/${org.slug}/requests?assignee=me">My requests</a>
<a href="/staff/orgs/${org.slug}/reports">Reports</a>
<a href="/staff/orgs/${org.slug}/suppressions">Suppressions</a>
${org.role === 'admin' ? html`<a href="/staff/orgs/${org.slug}/staff">Staff</a>
<a href="/staff/orgs/${org.slug}/jobs">Jobs</a>` : ''}`
    : ''
}
<form method="post" action="/staff/sign-out" class="inline">
<input type="hidden" name="_csrf" value="${chrome.csrfToken}">
<span class="who">${chrome.userName}${org ? ` · ${org.role}` : ''}</span>
<a href="/staff/account/password">Change password</a>
<button type="submit" class="link">Sign out</button>
</form>
</nav>`;
  return page(title, html`${nav}${body}`, org?.name);
}

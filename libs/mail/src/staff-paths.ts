/** A query string's values: absent ones are left out, so callers pass their filters as they are. */
export type PathQuery = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: PathQuery): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const org = (slug: string) => `/staff/orgs/${encodeURIComponent(slug)}`;
const segment = (value: string) => encodeURIComponent(value);

/**
 * Every staff console address, built in one place: pages, redirects and staff mails (which prefix the public URL)
 * all link through these, so a route moves in one edit.
 */
export const staffPaths = {
  home: () => '/staff',
  signOut: () => '/staff/sign-out',
  changePassword: () => '/staff/account/password',
  organisation: (slug: string) => org(slug),
  requests: (slug: string, query?: PathQuery) => withQuery(`${org(slug)}/requests`, query),
  requestsCsv: (slug: string, query?: PathQuery) => withQuery(`${org(slug)}/requests.csv`, query),
  request: (slug: string, requestId: string, action?: string) =>
    `${org(slug)}/requests/${segment(requestId)}${action ? `/${action}` : ''}`,
  reports: (slug: string, query?: PathQuery) => withQuery(`${org(slug)}/reports`, query),
  reportsCsv: (slug: string, query?: PathQuery) => withQuery(`${org(slug)}/reports.csv`, query),
  suppressions: (slug: string, query?: PathQuery) => withQuery(`${org(slug)}/suppressions`, query),
  apiKeys: (slug: string) => `${org(slug)}/api-keys`,
  apiKeyRevoke: (slug: string, keyId: string) => `${org(slug)}/api-keys/${segment(keyId)}/revoke`,
  staff: (slug: string, query?: PathQuery) => withQuery(`${org(slug)}/staff`, query),
  member: (slug: string, userId: string, action: 'role' | 'remove') =>
    `${org(slug)}/staff/${segment(userId)}/${action}`,
  invitationRevoke: (slug: string, invitationId: string) =>
    `${org(slug)}/staff/invitations/${segment(invitationId)}/revoke`,
  jobs: (slug: string) => `${org(slug)}/jobs`,
  jobRetry: (slug: string, queue: string, jobId: string) =>
    `${org(slug)}/jobs/${segment(queue)}/${segment(jobId)}/retry`,
  alerts: (slug: string) => `${org(slug)}/alerts`,
  alertResolve: (slug: string, alertId: string) => `${org(slug)}/alerts/${segment(alertId)}/resolve`,
  /** The platform console (operators only): organisations and their policy imports. */
  platform: (query?: PathQuery) => withQuery('/staff/platform', query),
  policyImports: () => '/staff/platform/imports',
  policyImport: (importId: string, action?: string) =>
    `/staff/platform/imports/${segment(importId)}${action ? `/${action}` : ''}`,
};

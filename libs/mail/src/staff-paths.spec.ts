import { describe, expect, it } from '@jest/globals';

import { staffPaths } from './staff-paths.js';

describe('staffPaths', () => {
  it('builds request and action addresses, encoding what could break a path', () => {
    expect(staffPaths.request('west-schoolmessenger', 'a1')).toBe('/staff/orgs/west-schoolmessenger/requests/a1');
    expect(staffPaths.request('west', 'a1', 'withdraw')).toBe('/staff/orgs/west/requests/a1/withdraw');
    expect(staffPaths.member('west', 'u1', 'role')).toBe('/staff/orgs/west/staff/u1/role');
    expect(staffPaths.invitationRevoke('west', 'i1')).toBe('/staff/orgs/west/staff/invitations/i1/revoke');
    expect(staffPaths.jobRetry('west', 'mail', 'outbox:1/2')).toBe('/staff/orgs/west/jobs/mail/outbox%3A1%2F2/retry');
  });

  it('leaves absent filters out of the query and keeps the rest in order', () => {
    expect(staffPaths.requests('west')).toBe('/staff/orgs/west/requests');
    expect(staffPaths.requests('west', { status: undefined, assignee: 'me', overdue: true, q: '' })).toBe(
      '/staff/orgs/west/requests?assignee=me&overdue=true',
    );
    expect(staffPaths.reportsCsv('west', { from: '2024-03-01', to: '2024-03-31' })).toBe(
      '/staff/orgs/west/reports.csv?from=2024-03-01&to=2024-03-31',
    );
  });
});

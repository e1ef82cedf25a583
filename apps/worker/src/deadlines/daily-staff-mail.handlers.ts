import {
  DataSubjectRequest,
  Organisation,
  type OrganisationContext,
  requestTypeWords,
  TeamRepository,
  WORKING_ROLES,
} from '#db';
import {
  type DigestRequestLine,
  formatLocalDate,
  overdueEscalationMail,
  type OverdueRequestLine,
  staffDigestMail,
  staffPaths,
} from '#mail';
import { dailyStaffMailDate, daysLeft, OPEN_STATUSES } from '#workflow';

import type { JobHandlers } from '../job-handlers.js';
import type { RequestMailDeps } from '../mail/request-mail.context.js';
import { organisationAdmins } from './staff-recipients.js';

// Spelled as the open-queue partial index's predicate (OPEN_STATUSES in order), so PostgreSQL can use that index.
const IS_OPEN = `r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

interface DueOrganisation {
  context: OrganisationContext;
  /** The local date whose mails are due. */
  date: string;
}

/**
 * The two daily staff mails, checked hourly and each sent once per organisation, local date and addressee (the
 * ledger key says so): the overdue escalation to admins and the digest of each member's open requests. Each reads
 * one organisation's open requests in one query through the open-due index, never one query per member.
 */
export function dailyStaffMailHandlers(
  deps: RequestMailDeps,
): Pick<JobHandlers, 'deadlines.escalate' | 'deadlines.digest'> {
  const { dataSource, ledger, clock, directory, env } = deps;
  const link = (path: string) => new URL(path, env.PUBLIC_URL).toString();

  /** Organisations whose local day has reached the daily mails' hour. */
  async function dueOrganisations(now: Date): Promise<DueOrganisation[]> {
    const due: DueOrganisation[] = [];
    for (const organisation of await dataSource.getRepository(Organisation).find({ order: { slug: 'ASC' } })) {
      const date = dailyStaffMailDate(now, organisation.timeZone);
      const context = date === null ? null : await directory.bySlug(organisation.slug);
      if (date !== null && context) due.push({ context, date });
    }
    return due;
  }

  function openRequests(organisationId: string) {
    return dataSource
      .createQueryBuilder(DataSubjectRequest, 'r')
      .select(['r.id', 'r.reference', 'r.type', 'r.status', 'r.dueAt', 'r.pausedAt', 'r.assigneeId'])
      .where(`r.organisation_id = :org AND ${IS_OPEN}`, { org: organisationId })
      .orderBy('r.dueAt')
      .addOrderBy('r.id');
  }

  const line = (context: OrganisationContext, r: DataSubjectRequest) => ({
    reference: r.reference,
    type: requestTypeWords(r),
    url: link(staffPaths.request(context.organisation.slug, r.id)),
  });

  return {
    async 'deadlines.escalate'() {
      const now = clock.now();
      for (const { context, date } of await dueOrganisations(now)) {
        const { organisation } = context;
        // A paused GDPR clock stands still: such a request is not late while it waits for the requester.
        const rows = await openRequests(organisation.id)
          .andWhere('r.due_at < :now AND r.paused_at IS NULL', { now })
          .getMany();
        if (rows.length === 0) continue;
        const overdue: OverdueRequestLine[] = rows.map((r) => ({
          ...line(context, r),
          daysOverdue: -daysLeft(r.dueAt, now, organisation.timeZone),
        }));
        for (const admin of await organisationAdmins(dataSource, organisation.id)) {
          await ledger.sendOnce(
            {
              key: `escalation:${organisation.id}:${date}:${admin.id}`,
              organisationId: organisation.id,
              requestId: null,
              template: 'overdue_escalation',
              to: admin.email,
            },
            async () => ({
              to: admin.email,
              ...overdueEscalationMail({
                organisationName: context.policy.name,
                recipientName: admin.name,
                onDate: formatLocalDate(now, organisation.timeZone),
                overdue,
                queueUrl: link(staffPaths.requests(organisation.slug, { overdue: true })),
              }),
            }),
          );
        }
      }
    },

    async 'deadlines.digest'() {
      const now = clock.now();
      for (const { context, date } of await dueOrganisations(now)) {
        const { organisation } = context;
        const rows = await openRequests(organisation.id).andWhere('r.assignee_id IS NOT NULL').getMany();
        if (rows.length === 0) continue;
        const byAssignee = new Map<string, DigestRequestLine[]>();
        for (const r of rows) {
          const lines = byAssignee.get(r.assigneeId!) ?? [];
          lines.push({
            ...line(context, r),
            dueOn: formatLocalDate(r.dueAt, organisation.timeZone),
            daysLeft: daysLeft(r.dueAt, now, organisation.timeZone),
            paused: r.pausedAt !== null,
          });
          byAssignee.set(r.assigneeId!, lines);
        }
        // Only members who still work requests here: a removed member's old assignments are not mailed to them.
        const members = await new TeamRepository(dataSource.manager).members(organisation.id, {
          roles: WORKING_ROLES,
          userIds: [...byAssignee.keys()],
          orderBy: 'email',
        });
        for (const member of members) {
          await ledger.sendOnce(
            {
              key: `digest:${organisation.id}:${date}:${member.id}`,
              organisationId: organisation.id,
              requestId: null,
              template: 'staff_digest',
              to: member.email,
            },
            async () => ({
              to: member.email,
              ...staffDigestMail({
                organisationName: context.policy.name,
                recipientName: member.name,
                onDate: formatLocalDate(now, organisation.timeZone),
                requests: byAssignee.get(member.id)!,
                queueUrl: link(staffPaths.requests(organisation.slug, { assignee: 'me' })),
              }),
            }),
          );
        }
      }
    },
  };
}

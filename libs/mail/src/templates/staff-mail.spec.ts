import { describe, expect, it } from '@jest/globals';

import { overdueEscalationMail } from './overdue-escalation.template.js';
import { type DigestRequestLine, staffDigestMail } from './staff-digest.template.js';
import { extensionWindowMail, staffReminderMail } from './staff-reminder.template.js';

const frame = { organisationName: 'West <Corp>', recipientName: 'Agent <Smith>' };
const line = (reference: string) => ({
  reference,
  type: 'access',
  url: `https://rd.example/staff/orgs/west/requests/${reference}`,
});

describe('staffReminderMail', () => {
  it('says how many days are left, names the request by reference and links to its page, escaped', () => {
    const mail = staffReminderMail({ ...frame, ...line('RD-AAAA-1111'), dueOn: 'Monday 15 March 2027', daysLeft: 3 });
    expect(mail.subject).toBe('Privacy request RD-AAAA-1111 is due in 3 days (Monday 15 March 2027)');
    expect(mail.text).toContain('Hello Agent <Smith>,');
    expect(mail.text).toContain(
      'The access request RD-AAAA-1111 to West <Corp> must be answered by Monday 15 March 2027: that is in 3 days.',
    );
    expect(mail.text).toContain('https://rd.example/staff/orgs/west/requests/RD-AAAA-1111');
    expect(mail.html).toContain('href="https://rd.example/staff/orgs/west/requests/RD-AAAA-1111"');
    expect(mail.html).toContain('Agent &lt;Smith&gt;');
    expect(mail.html).not.toMatch(/<(Smith|Corp)>/);
  });

  it('says "1 day" and "today", and greets the privacy inbox when nobody is assigned', () => {
    expect(staffReminderMail({ ...frame, ...line('R'), dueOn: 'x', daysLeft: 1 }).subject).toContain(
      'due in 1 day (x)',
    );
    const today = staffReminderMail({ ...frame, recipientName: null, ...line('R'), dueOn: 'x', daysLeft: 0 });
    expect(today.subject).toContain('is due today');
    expect(today.text).toContain('Hello West <Corp> privacy team,');
  });
});

describe('extensionWindowMail', () => {
  it('gives the last day for the notice, the extended date and the date without it', () => {
    const mail = extensionWindowMail({
      ...frame,
      ...line('RD-BBBB-2222'),
      noticeByOn: 'Tuesday 2 March 2027',
      dueOn: 'Tuesday 2 March 2027',
      extendedDueOn: 'Friday 16 April 2027',
    });
    expect(mail.subject).toBe('Privacy request RD-BBBB-2222: an extension must be sent by Tuesday 2 March 2027');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('extend it by Tuesday 2 March 2027');
      expect(part).toContain('Extended, it is due Friday 16 April 2027');
      expect(part).toContain('https://rd.example/staff/orgs/west/requests/RD-BBBB-2222');
    }
  });
});

describe('overdueEscalationMail', () => {
  it('lists each overdue request with its type, days overdue and link', () => {
    const mail = overdueEscalationMail({
      ...frame,
      onDate: 'Wednesday 7 April 2031',
      overdue: [
        { ...line('RD-OLD'), daysOverdue: 12 },
        { ...line('RD-NEW'), type: 'deletion', daysOverdue: 1 },
      ],
      queueUrl: 'https://rd.example/staff/orgs/west/requests?overdue=true',
    });
    expect(mail.subject).toBe('West <Corp>: 2 overdue privacy requests');
    expect(mail.text).toContain(
      'On Wednesday 7 April 2031, these open requests to West <Corp> are past their due date:',
    );
    expect(mail.text).toContain(
      '- RD-OLD (access): 12 days overdue\n  https://rd.example/staff/orgs/west/requests/RD-OLD',
    );
    expect(mail.text).toContain('- RD-NEW (deletion): 1 day overdue');
    expect(mail.html).toContain(
      '<li><a href="https://rd.example/staff/orgs/west/requests/RD-OLD">RD-OLD</a> (access): 12 days overdue</li>',
    );
    expect(mail.html).toContain('https://rd.example/staff/orgs/west/requests?overdue=true');
    expect(
      overdueEscalationMail({ ...frame, onDate: 'd', overdue: [{ ...line('R'), daysOverdue: 2 }], queueUrl: 'q' })
        .subject,
    ).toBe('West <Corp>: 1 overdue privacy request');
  });
});

describe('staffDigestMail', () => {
  const digest = (requests: DigestRequestLine[]) =>
    staffDigestMail({
      ...frame,
      onDate: 'Monday 6 January 2031',
      requests,
      queueUrl: 'https://rd.example/staff/orgs/west/requests?assignee=me',
    });
  const at = (reference: string, daysLeft: number, paused = false): DigestRequestLine => ({
    ...line(reference),
    dueOn: `due-${reference}`,
    daysLeft,
    paused,
  });

  it('groups the requests by days left, soonest first, and leaves out empty groups', () => {
    const mail = digest([at('A', -2), at('B', 0), at('C', 3), at('D', 5), at('E', 10), at('F', 30), at('G', 4, true)]);
    expect(mail.subject).toBe('West <Corp>: your 7 open privacy requests');
    expect(mail.text).toContain('On Monday 6 January 2031 you have 7 open privacy requests at West <Corp>.');
    const order = [
      'Overdue (1)',
      'Due today (1)',
      'Due within 3 days (1)',
      'Due within 7 days (1)',
      'Due within 14 days (1)',
      'Due later (1)',
      'Clock paused, awaiting the requester (1)',
    ];
    const positions = order.map((title) => mail.text.indexOf(`${title}:`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(mail.text).toContain('- A (access): was due due-A, 2 days overdue');
    expect(mail.text).toContain('- B (access): due today, due-B');
    expect(mail.text).toContain('- C (access): due due-C, 3 days left');
    expect(mail.text).toContain('- G (access): due due-G before the pause');
    expect(mail.html).toContain('<h3>Due within 3 days (1)</h3>');
    expect(digest([at('C', 2)]).text).not.toContain('Overdue');
  });
});

import { describe, expect, it } from '@jest/globals';

import type { Regime } from '#policy';
import type { MailTemplate } from '#workflow';

import { complaintRoute } from './complaint-route.js';
import { type RequesterNotice, requesterNoticeMail } from './requester-notice.template.js';

const frame = {
  organisationName: 'West Corporation',
  contact: 'privacy@west.com',
  requesterName: '<b>Eve</b>',
  reference: 'RD-7K3F-92QX',
  requestLabel: 'Get a copy of my data',
  statusUrl: 'https://rd.example/s/ghi.jkl',
};
const org = { organisationName: 'West Corporation', contact: 'privacy@west.com' };

const NOTICES: Record<MailTemplate, RequesterNotice> = {
  question_to_requester: {
    template: 'question_to_requester',
    question: 'Which account <id>?\nThe old one or the new one?',
    clockPaused: true,
  },
  extension_notice: {
    template: 'extension_notice',
    reason: 'Your data sits in 14 <archived> systems.',
    newDueOn: 'Monday 5 April 2027',
  },
  request_fulfilled: {
    template: 'request_fulfilled',
    downloads: { fileNames: ['export <1>.csv'], availableUntilOn: 'Friday 8 January 2027' },
  },
  request_partially_fulfilled: {
    template: 'request_partially_fulfilled',
    reason: 'Call recordings include other <people>.',
    complaint: complaintRoute('gdpr', org),
  },
  request_denied: {
    template: 'request_denied',
    reason: 'manifestly_unfounded_or_excessive',
    explanation: 'This is the <fifth> identical request this month.',
    complaint: complaintRoute('gdpr', org),
  },
  withdrawal_confirmed: { template: 'withdrawal_confirmed' },
  redirected_to_controller: { template: 'redirected_to_controller', controller: 'Your school <district>' },
  verification_expired: {
    template: 'verification_expired',
    newRequestUrl: 'https://rd.example/o/west/requests/new',
    rightToResubmit: false,
  },
  opt_out_confirmed: { template: 'opt_out_confirmed', channel: 'email', effectiveOn: 'Monday 4 January 2027' },
  answered_as_categories: { template: 'answered_as_categories' },
};

describe('requesterNoticeMail', () => {
  it.each(Object.values(NOTICES).map((n) => [n.template, n] as const))(
    '%s: names the request, carries the status link and the contact, and escapes names in HTML',
    (_, notice) => {
      const mail = requesterNoticeMail(frame, notice);
      expect(mail.subject).toContain('RD-7K3F-92QX');
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain('RD-7K3F-92QX');
        expect(part).toContain('https://rd.example/s/ghi.jkl');
        expect(part).toContain('privacy@west.com');
      }
      expect(mail.text).toContain('Hello <b>Eve</b>');
      expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
      expect(mail.html).not.toMatch(/<(b|id|archived|1|people|fifth|district)>/);
    },
  );

  it('quotes the question with its line breaks and says the clock stands still under GDPR', () => {
    const mail = requesterNoticeMail(frame, NOTICES.question_to_requester);
    expect(mail.text).toContain('> Which account <id>?\n> The old one or the new one?');
    expect(mail.html).toContain('Which account &lt;id&gt;?<br>The old one or the new one?');
    expect(mail.text).toContain('stands still until we have your reply');
    const ccpa = requesterNoticeMail(frame, {
      ...NOTICES.question_to_requester,
      clockPaused: false,
    } as RequesterNotice);
    expect(ccpa.text).not.toContain('stands still');
  });

  it('gives an extension its reason and the new due date', () => {
    const mail = requesterNoticeMail(frame, NOTICES.extension_notice);
    expect(mail.text).toContain('> Your data sits in 14 <archived> systems.');
    expect(mail.text).toContain('will answer by Monday 5 April 2027');
    expect(mail.html).toContain('Your data sits in 14 &lt;archived&gt; systems.');
    expect(mail.html).toContain('Monday 5 April 2027');
  });

  it('lists the files of a response and until when they can be downloaded, or says what was done', () => {
    const files = requesterNoticeMail(frame, NOTICES.request_fulfilled);
    expect(files.text).toContain('- export <1>.csv');
    expect(files.text).toContain('until Friday 8 January 2027');
    expect(files.html).toContain('<li>export &lt;1&gt;.csv</li>');
    const done = requesterNoticeMail(frame, {
      template: 'request_fulfilled',
      resolution: 'Deleted the account & its backups.',
    });
    expect(done.text).toContain('> Deleted the account & its backups.');
    expect(done.html).toContain('Deleted the account &amp; its backups.');
    expect(done.text).not.toContain('download');
  });

  it('gives a refusal its ground, the explanation and the complaint route', () => {
    const mail = requesterNoticeMail(frame, NOTICES.request_denied);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('manifestly unfounded or excessive');
      expect(part).toContain('supervisory authority');
    }
    expect(mail.text).toContain('> This is the <fifth> identical request this month.');
    const partial = requesterNoticeMail(frame, NOTICES.request_partially_fulfilled);
    expect(partial.text).toContain('> Call recordings include other <people>.');
    expect(partial.text).toContain('supervisory authority');
  });

  it('closes an unconfirmed request with the form to make it again, and under the CCPA the right to resubmit', () => {
    const gdpr = requesterNoticeMail(frame, NOTICES.verification_expired);
    expect(gdpr.text).toContain('was not confirmed before the confirmation link expired');
    expect(gdpr.text).toContain('make it again here: https://rd.example/o/west/requests/new');
    expect(gdpr.text).not.toContain('right to submit');
    const ccpa = requesterNoticeMail(frame, {
      ...NOTICES.verification_expired,
      rightToResubmit: true,
    } as RequesterNotice);
    for (const part of [ccpa.text, ccpa.html])
      expect(part).toContain('You have the right to submit a new request at any time');
    expect(ccpa.html).toContain('https://rd.example/o/west/requests/new');
  });

  it('names the controller a processor points the requester to', () => {
    const mail = requesterNoticeMail(frame, NOTICES.redirected_to_controller);
    expect(mail.text).toContain('> Your school <district>');
    expect(mail.html).toContain('Your school &lt;district&gt;');
  });
});

describe('complaintRoute', () => {
  it.each<[Regime, string[]]>([
    ['ccpa', ['California Privacy Protection Agency', 'https://cppa.ca.gov', 'California Attorney General']],
    ['uk_gdpr', ["Information Commissioner's Office", 'https://ico.org.uk']],
    ['gdpr', ['data protection supervisory authority']],
    ['us_state', ['appeal', 'privacy@west.com', 'Attorney General']],
    ['can_spam', ['Federal Trade Commission']],
    ['fcc_tcpa', ['Federal Communications Commission']],
    ['none', ['contact West Corporation at privacy@west.com']],
  ])('%s names where to take a refusal', (regime, expected) => {
    const route = complaintRoute(regime, org);
    for (const text of expected) expect(route.text).toContain(text);
  });

  it('points to the organisation itself when no law applies and no address is known', () => {
    expect(complaintRoute('none', { organisationName: 'Securus Technologies' }).text).toBe(
      'If you disagree with this decision, contact Securus Technologies through the ways its privacy policy gives.',
    );
  });

  it('confirms an opt-out as in effect, naming what stops for each channel', () => {
    const email = requesterNoticeMail(frame, NOTICES.opt_out_confirmed);
    expect(email.text).toContain('in effect since Monday 4 January 2027');
    expect(email.text).toContain('no more marketing email');
    const sale = requesterNoticeMail(frame, {
      template: 'opt_out_confirmed',
      channel: 'sale_share',
      effectiveOn: 'Monday 4 January 2027',
    });
    expect(sale.text).toContain('will not sell or share');
  });
});

describe('requesterNoticeMail in Spanish', () => {
  const spanish = { ...frame, language: 'es' as const, requestLabel: 'Eliminar mi información' };

  it.each(Object.values(NOTICES).map((n) => [n.template, n] as const))(
    '%s: the frame, subject and our wording are Spanish; what staff wrote is quoted as written',
    (_, notice) => {
      const mail = requesterNoticeMail(spanish, notice);
      expect(mail.subject).toContain('RD-7K3F-92QX');
      expect(mail.subject).toMatch(/^Su |^Una pregunta|^Se necesita/);
      expect(mail.html).toContain('<html lang="es">');
      for (const part of [mail.text, mail.html]) {
        expect(part).toMatch(/Le escribimos sobre su solicitud a West Corporation: ["“]Eliminar mi información["”]/);
        expect(part).toContain('Siga su solicitud aquí (mantenga este enlace en privado):');
        expect(part).toContain('Enviado en nombre de West Corporation por Rightsdesk');
        expect(part).not.toMatch(/Hello|Follow your request|Sent for|your request|The reason/);
      }
    },
  );

  it('gives a refusal its ground and the California complaint route in Spanish, with the regulators linked', () => {
    const mail = requesterNoticeMail(spanish, {
      ...NOTICES.request_denied,
      complaint: complaintRoute('ccpa', org, 'es'),
    } as RequesterNotice);
    expect(mail.text).toContain('West Corporation rechazó su solicitud. El motivo: La solicitud es manifiestamente');
    expect(mail.text).toContain('Agencia de Protección de la Privacidad de California (https://cppa.ca.gov)');
    expect(mail.html).toContain('<a href="https://cppa.ca.gov">cppa.ca.gov</a>');
    expect(mail.html).toContain('<a href="https://oag.ca.gov/privacy">oag.ca.gov/privacy</a>');
  });
});

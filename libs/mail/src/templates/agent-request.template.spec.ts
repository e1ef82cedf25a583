import { describe, expect, it } from '@jest/globals';

import { agentConfirmationMail, agentReceiptMail } from './agent-request.template.js';
import { verificationReminderMail } from './verification-reminder.template.js';

const consumer = {
  organisationName: 'ProntoTrak',
  contact: 'Privacy@prontotrak.com',
  requesterName: 'Ada <Lovelace>',
  reference: 'RD-7K3F-92QX',
  requestLabel: 'Delete my data',
  verifyUrl: 'https://rd.example/v/abc.def',
  statusUrl: 'https://rd.example/s/ghi.jkl',
  expiresOn: '1 December 2026',
  dueOn: 'Friday 8 January 2027',
  clockStartsOnConfirmation: false,
  agentName: 'Privacy <Helpers> Inc',
};

describe('agentConfirmationMail (to the consumer)', () => {
  it('names the agent and asks the consumer to confirm only if they gave permission, or to refuse', () => {
    const mail = agentConfirmationMail(consumer);
    expect(mail.subject).toBe(
      'Privacy <Helpers> Inc made a privacy request to ProntoTrak for you: please confirm (RD-7K3F-92QX)',
    );
    expect(mail.text).toContain(
      'Privacy <Helpers> Inc asked ProntoTrak on your behalf, as your authorised agent: "Delete my data" (reference RD-7K3F-92QX).',
    );
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('https://rd.example/v/abc.def');
      expect(part).toContain('https://rd.example/s/ghi.jkl');
      expect(part).toContain('Confirm only if you gave');
      expect(part).toContain('I did not authorise this');
      expect(part).toContain('ProntoTrak must answer you by Friday 8 January 2027.');
    }
  });

  it('escapes the names people typed in the HTML part', () => {
    const { html } = agentConfirmationMail(consumer);
    expect(html).toContain('Privacy &lt;Helpers&gt; Inc');
    expect(html).toContain('Ada &lt;Lovelace&gt;');
    expect(html).not.toContain('<Helpers>');
  });

  it('under GDPR says the month runs from the confirmation', () => {
    expect(agentConfirmationMail({ ...consumer, clockStartsOnConfirmation: true }).text).toContain(
      'one month from your confirmation',
    );
  });
});

describe('agentReceiptMail (to the agent)', () => {
  const mail = agentReceiptMail({
    organisationName: 'ProntoTrak',
    contact: 'Privacy@prontotrak.com',
    agentName: 'Privacy Helpers Inc',
    reference: 'RD-7K3F-92QX',
    requestLabel: 'Delete my data',
    dueOn: 'Friday 8 January 2027',
  });

  it('says the consumer must confirm, with the reference, and carries no link to the request', () => {
    expect(mail.subject).toBe('We received the privacy request RD-7K3F-92QX you made to ProntoTrak');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('RD-7K3F-92QX');
      expect(part).toContain('It waits for the person you act for to confirm');
      expect(part).not.toMatch(/https?:\/\//);
    }
  });
});

describe('verificationReminderMail of an agent request (to the consumer)', () => {
  it("reminds the consumer to confirm the agent's permission, and how to refuse it", () => {
    const { dueOn: _due, clockStartsOnConfirmation: _clock, ...reminder } = consumer;
    const mail = verificationReminderMail(reminder);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('It is waiting for you to confirm that you gave them permission.');
      expect(part).toContain('I did not authorise this');
      expect(part).not.toContain('If you did not make this request, ignore this mail.');
    }
    expect(mail.text).toContain('Privacy <Helpers> Inc asked ProntoTrak on your behalf');
    expect(mail.html).toContain('Privacy &lt;Helpers&gt; Inc asked ProntoTrak on your behalf');
  });
});

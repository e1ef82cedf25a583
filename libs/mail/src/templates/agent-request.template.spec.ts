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

describe("an agent's mails in Spanish", () => {
  const spanish = { ...consumer, language: 'es' as const, requestLabel: 'Eliminar mi información' };

  it('asks the consumer in Spanish, and reminds them in Spanish', () => {
    const mail = agentConfirmationMail(spanish);
    expect(mail.subject).toBe(
      'Privacy <Helpers> Inc hizo una solicitud de privacidad a ProntoTrak en su nombre: confírmela (RD-7K3F-92QX)',
    );
    expect(mail.text).toContain(
      'Si no dio permiso a Privacy <Helpers> Inc, abra el mismo enlace y elija "Yo no lo autoricé"',
    );
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain('Confirmar o rechazar la solicitud');
    for (const part of [mail.text, mail.html]) expect(part).not.toMatch(/Hello|your behalf|must answer/);
    const reminder = verificationReminderMail(spanish);
    expect(reminder.subject).toBe('Recordatorio: confirme su solicitud de privacidad RD-7K3F-92QX a ProntoTrak');
    expect(reminder.text).toContain('Está pendiente de que usted confirme que le dio permiso.');
  });

  it('tells the agent in the language of the form they used', () => {
    const mail = agentReceiptMail({ ...spanish, agentName: 'Privacy Helpers Inc' });
    expect(mail.subject).toBe('Recibimos la solicitud de privacidad RD-7K3F-92QX que hizo a ProntoTrak');
    expect(mail.text).toContain('Hola, Privacy Helpers Inc:');
    expect(mail.text).toContain('ProntoTrak debe responder a más tardar el Friday 8 January 2027.');
  });
});

import { describe, expect, it } from '@jest/globals';

import { emailReceiptMail } from './email-receipt.template.js';
import { receiptMail } from './receipt.template.js';
import { verificationMail } from './verification.template.js';
import { verificationReminderMail } from './verification-reminder.template.js';

const input = {
  organisationName: 'ProntoTrak',
  contact: 'Privacy@prontotrak.com',
  requesterName: '<b>Eve</b>',
  reference: 'RD-7K3F-92QX',
  requestLabel: 'Delete my data',
  verifyUrl: 'https://rd.example/v/abc.def',
  statusUrl: 'https://rd.example/s/ghi.jkl',
  expiresOn: '1 December 2026',
  dueOn: 'Friday 8 January 2027',
  clockStartsOnConfirmation: false,
};

describe('verificationMail (the acknowledgement)', () => {
  it('gives the link, its expiry, the reference and the status link in text and HTML', () => {
    const mail = verificationMail(input);
    expect(mail.subject).toBe('Confirm your privacy request RD-7K3F-92QX to ProntoTrak');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('https://rd.example/v/abc.def');
      expect(part).toContain('https://rd.example/s/ghi.jkl');
      expect(part).toContain('1 December 2026');
      expect(part).toContain('Privacy@prontotrak.com');
    }
  });

  it('says what happens next: how verification works, what happens without it, and when the answer is due', () => {
    const mail = verificationMail(input);
    expect(mail.text).toContain('What happens next:\n1. Confirm that this address is yours');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('It works once and expires on 1 December 2026');
      expect(part).toContain('If the request is not confirmed by then, it is closed and nothing is done.');
      expect(part).toContain('ProntoTrak must answer by Friday 8 January 2027.');
    }
    expect(mail.html).toContain('<ol><li>Confirm that this address is yours');
  });

  it('under GDPR, counts the month from the confirmation', () => {
    const mail = verificationMail({ ...input, clockStartsOnConfirmation: true });
    expect(mail.text).toContain(
      'one month from your confirmation to answer: confirmed today, that is by Friday 8 January 2027.',
    );
    expect(mail.text).not.toContain('must answer by');
  });

  it('escapes requester-supplied text in the HTML part', () => {
    const mail = verificationMail(input);
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Eve</b>');
  });
});

describe('verificationMail in Spanish', () => {
  it('says everything in Spanish, with the HTML marked as Spanish, and still escapes', () => {
    const mail = verificationMail({
      ...input,
      language: 'es',
      requestLabel: 'Eliminar mi información',
      expiresOn: 'martes, 1 de diciembre de 2026',
      dueOn: 'viernes, 8 de enero de 2027',
    });
    expect(mail.subject).toBe('Confirme su solicitud de privacidad RD-7K3F-92QX a ProntoTrak');
    expect(mail.text).toContain('Próximos pasos:\n1. Confirme que esta dirección es suya');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Funciona una sola vez y vence el martes, 1 de diciembre de 2026.');
      expect(part).toContain('ProntoTrak debe responder a más tardar el viernes, 8 de enero de 2027.');
      expect(part).toMatch(/Preguntas: (<a href="mailto:Privacy@prontotrak.com">)?Privacy@prontotrak.com/);
      expect(part).not.toMatch(/Hello|must answer|Questions:/);
    }
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain('Hola, &lt;b&gt;Eve&lt;/b&gt;:');
  });
});

describe('verificationReminderMail', () => {
  it('gives a fresh link that replaces the old one and the same expiry, escaped', () => {
    const mail = verificationReminderMail(input);
    expect(mail.subject).toBe('Reminder: confirm your privacy request RD-7K3F-92QX to ProntoTrak');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('https://rd.example/v/abc.def');
      expect(part).toContain('https://rd.example/s/ghi.jkl');
      expect(part).toContain('It replaces the link we sent before and expires on 1 December 2026.');
      expect(part).toContain('Privacy@prontotrak.com');
    }
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
  });
});

describe('receiptMail (the acknowledgement of an opt-out)', () => {
  it('says nothing more is needed, by when it is done and how to follow it', () => {
    const mail = receiptMail({ ...input, dueOn: 'Friday 8 January 2027' });
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('It needs nothing more from you');
      expect(part).toContain('ProntoTrak must act on it by Friday 8 January 2027');
      expect(part).toContain('https://rd.example/s/ghi.jkl');
    }
    expect(mail.html).not.toContain('<b>Eve</b>');
  });
});

describe('emailReceiptMail', () => {
  it("acknowledges a mail to the organisation's privacy address in the organisation's language", () => {
    const { organisationName, contact, reference, statusUrl } = input;
    const english = emailReceiptMail({ organisationName, contact, reference, statusUrl });
    expect(english.text).toContain("We received an email from this address to ProntoTrak's privacy address");
    const spanish = emailReceiptMail({ organisationName, contact, reference, statusUrl, language: 'es' });
    expect(spanish.subject).toBe('Recibimos su correo electrónico a ProntoTrak (referencia RD-7K3F-92QX)');
    expect(spanish.text).toContain(
      'Recibimos un correo electrónico de esta dirección a la dirección de privacidad de ProntoTrak (referencia RD-7K3F-92QX).',
    );
    expect(spanish.html).toContain('<html lang="es">');
  });
});

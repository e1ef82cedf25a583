import { describe, expect, it } from '@jest/globals';

import { vendorRequestMail } from './vendor-request.template.js';

const ask = {
  organisationName: 'ProntoTrak',
  contact: 'privacy@prontotrak.example',
  vendorName: 'Mailing <House> Ltd',
  reference: 'RD-7K3F-92QX',
  purpose: 'erasure' as const,
  identity: { email: 'ada@example.org', phone: '+15550100123' },
  regime: 'ccpa' as const,
  confirmUrl: 'https://rd.example/vendors/confirm/abc.def',
  reminder: 0,
};

describe('vendorRequestMail', () => {
  it('asks the provider to delete, with the identity to find the person by, the link, and the CCPA’s notice duty', () => {
    const mail = vendorRequestMail(ask);
    expect(mail.subject).toBe(
      'Please delete the personal data of one person (ProntoTrak, privacy request RD-7K3F-92QX)',
    );
    expect(mail.text).toContain('- Email address: ada@example.org\n- Phone number: +15550100123');
    expect(mail.text).not.toContain('Account id');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('https://rd.example/vendors/confirm/abc.def');
      expect(part).toContain('RD-7K3F-92QX');
      expect(part).toContain('Cal. Civ. Code §1798.105(c)(1)');
      expect(part).toContain('nothing is recorded until you press it');
    }
  });

  it('asks for the data under the law of the request, and sends it to the privacy address', () => {
    const gdpr = vendorRequestMail({ ...ask, purpose: 'access', regime: 'gdpr' });
    expect(gdpr.subject).toMatch(/^Please send us the personal data of one person/);
    expect(gdpr.text).toContain(
      'please send the personal data you hold about this person to privacy@prontotrak.example',
    );
    expect(gdpr.text).toContain('Article 15 of the GDPR');
    expect(gdpr.text).toContain('Article 28(3)(e)');
    expect(vendorRequestMail({ ...ask, regime: 'uk_gdpr' }).text).toContain('Article 17 of the UK GDPR');
    expect(vendorRequestMail({ ...ask, purpose: 'access' }).text).toContain('§1798.130(a)(3)(A)');
  });

  it('says a reminder is one, with the same link', () => {
    const reminder = vendorRequestMail({ ...ask, reminder: 2 });
    expect(reminder.subject).toMatch(/^Reminder: Please delete/);
    expect(reminder.text).toContain('this is reminder 2');
    expect(reminder.text).toContain('https://rd.example/vendors/confirm/abc.def');
  });

  it('escapes the provider’s name in HTML', () => {
    expect(vendorRequestMail(ask).html).toContain('Hello Mailing &lt;House&gt; Ltd,');
  });
});

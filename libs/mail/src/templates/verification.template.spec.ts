import { describe, expect, it } from '@jest/globals';
import { verificationMail } from './verification.template.js';

const input = {
  organisationName: 'ProntoTrak',
  contact: 'Privacy@prontotrak.com',
  requesterName: '<b>Eve</b>',
  reference: 'RD-7K3F-92QX',
  requestLabel: 'Delete my data',
  verifyUrl: 'https://rd.example/v/abc.def',
  statusUrl: 'https://rd.example/s/ghi.jkl',
  expiresOn: '1 December 2026',
};

describe('verificationMail', () => {
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

  it('escapes requester-supplied text in the HTML part', () => {
    const mail = verificationMail(input);
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Eve</b>');
  });
});

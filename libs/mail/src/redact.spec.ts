import { describe, expect, it } from '@jest/globals';

import { MailSendError, redactAddresses } from './redact.js';

describe('redactAddresses', () => {
  it('replaces every address, bracketed or not, and leaves the rest', () => {
    expect(
      redactAddresses(
        "Can't send mail - all recipients were rejected: 550 No such mailbox here: <Ann.O'Neil+x@mail.example.org>",
      ),
    ).toBe("Can't send mail - all recipients were rejected: 550 No such mailbox here: <<address>>");
    expect(redactAddresses('RCPT TO:a@b.example, c@d.example refused')).toBe('RCPT TO:<address>, <address> refused');
  });
});

describe('MailSendError', () => {
  it('keeps the codes and drops the server’s reply, the envelope and the original stack', () => {
    const smtp = Object.assign(new Error('550 No such mailbox: <ann@example.org>'), {
      code: 'EENVELOPE',
      responseCode: 550,
      command: 'RCPT TO',
      response: '550 No such mailbox: <ann@example.org>',
      rejected: ['ann@example.org'],
    });
    const error = new MailSendError(smtp);
    expect(error).toMatchObject({
      code: 'EENVELOPE',
      responseCode: 550,
      command: 'RCPT TO',
      message: '550 No such mailbox: <<address>>',
    });
    expect(JSON.stringify({ ...error, stack: error.stack })).not.toContain('ann@example.org');
  });
});

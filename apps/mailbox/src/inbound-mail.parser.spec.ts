import { createHash } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { parseInboundMail } from './inbound-mail.parser.js';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseInboundMail', () => {
  it('reads the sender, subject, date, text, HTML and attachments of a multipart mail', async () => {
    const source = crlf([
      'From: "Ann Example" <Ann@Example.org>',
      'To: privacy@west.com',
      'Subject: =?UTF-8?Q?L=C3=B6schung?=',
      'Date: Tue, 03 Mar 2026 10:00:00 +0100',
      'Message-ID: <m1@example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: multipart/alternative; boundary="a"',
      '',
      '--a',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please delete my data.',
      '--a',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Please <b>delete</b> my data.</p>',
      '--a--',
      '--b',
      'Content-Type: application/pdf; name="../../etc/id.pdf"',
      'Content-Disposition: attachment; filename="../../etc/id.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 fake').toString('base64'),
      '--b',
      'Content-Type: application/octet-stream',
      'Content-Disposition: attachment',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from([0, 1, 2]).toString('base64'),
      '--b--',
      '',
    ]);
    const mail = await parseInboundMail(source);
    expect(mail).toMatchObject({
      messageKey: '<m1@example.org>',
      fromAddress: 'Ann@Example.org',
      fromName: 'Ann Example',
      subject: 'Löschung',
      sentAt: new Date('2026-03-03T09:00:00Z'),
      html: '<p>Please <b>delete</b> my data.</p>',
    });
    expect(mail.text.trim()).toBe('Please delete my data.');
    expect(
      mail.attachments.map(({ fileName, contentType, content }) => ({
        fileName,
        contentType,
        content: content.toString('hex'),
      })),
    ).toEqual([
      // No path survives in a download name; a nameless part gets one.
      { fileName: 'id.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 fake').toString('hex') },
      { fileName: 'attachment-2', contentType: 'application/octet-stream', content: '000102' },
    ]);
  });

  it('knows a mail without a Message-ID by the hash of its source, and one without From or Date by their absence', async () => {
    const source = crlf(['To: privacy@west.com', 'Subject: hi', '', 'Just text.', '']);
    const mail = await parseInboundMail(source);
    expect(mail.messageKey).toBe(`sha256:${createHash('sha256').update(source).digest('hex')}`);
    expect(mail).toMatchObject({ fromAddress: null, fromName: '', sentAt: null, html: null, attachments: [] });
  });

  it('keeps a text-only mail as text: no HTML is made up from it', async () => {
    const mail = await parseInboundMail(
      crlf(['From: a@example.org', 'Subject: x', '', '<script>alert(1)</script>', '']),
    );
    expect(mail.html).toBeNull();
    expect(mail.text.trim()).toBe('<script>alert(1)</script>');
  });
});

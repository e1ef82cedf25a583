import { createHash } from 'node:crypto';

import { simpleParser } from 'mailparser';

export interface InboundAttachmentPart {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** What staff need from a mail; the source itself is kept as received. */
export interface InboundMail {
  /** The Message-ID, or the SHA-256 of the source when there is none: the same key means the same mail. */
  messageKey: string;
  fromAddress: string | null;
  fromName: string;
  subject: string;
  sentAt: Date | null;
  text: string;
  /** The HTML part as sent: unsafe until sanitised for display. */
  html: string | null;
  attachments: InboundAttachmentPart[];
}

const MAX_FILE_NAME = 200;

export async function parseInboundMail(source: Buffer): Promise<InboundMail> {
  // skipTextToHtml: staff read the text part as text; only a sender's own HTML part is kept as HTML.
  const parsed = await simpleParser(source, { skipTextToHtml: true, skipImageLinks: true });
  const from = parsed.from?.value.find((a) => a.address);
  return {
    messageKey:
      withoutNul(parsed.messageId?.trim() ?? '') || `sha256:${createHash('sha256').update(source).digest('hex')}`,
    fromAddress: withoutNul(from?.address?.trim() ?? '') || null,
    fromName: withoutNul(from?.name?.trim() ?? ''),
    subject: withoutNul(parsed.subject ?? ''),
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text: withoutNul(parsed.text ?? ''),
    html: typeof parsed.html === 'string' ? withoutNul(parsed.html) : null,
    attachments: parsed.attachments.map((a, i) => ({
      fileName: fileNameOf(a.filename, i),
      contentType: a.contentType || 'application/octet-stream',
      content: a.content,
    })),
  };
}

/**
 * PostgreSQL text cannot hold U+0000, so a mail carrying one would be refused with 451 on every retry: each becomes
 * U+FFFD, the replacement character (the original source, stored as bytes, keeps it).
 */
function withoutNul(value: string): string {
  return value.replaceAll('\u0000', '\uFFFD');
}

/** A name safe to offer as a download: no path, no control characters, something even when the sender gave none. */
function fileNameOf(name: string | undefined, index: number): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim()
    .slice(0, MAX_FILE_NAME);
  return clean || `attachment-${index + 1}`;
}

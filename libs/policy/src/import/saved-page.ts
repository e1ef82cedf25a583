// A page saved by a browser as one file (MHTML: .mht, .mhtml, a multipart/related message) is read by its HTML part.

import { simpleParser } from 'mailparser';

const MHTML_NAME = /\.mht(?:ml)?$/i;
const MHTML_TYPE = /^(?:multipart\/related|message\/rfc822|application\/x-mimearchive)\b/i;
const RELATED_HEADER = /^content-type:\s*multipart\/related\b/im;

export type SavedPage = { ok: true; html: string; savedFrom?: string } | { ok: false; reason: string };

/** Named or typed as a saved page, or a text whose message headers say multipart/related. */
export function isSavedPage(text: string, fileName?: string, contentType?: string): boolean {
  if (contentType && MHTML_TYPE.test(contentType)) return true;
  if (fileName && MHTML_NAME.test(fileName)) return true;
  const headers = text.slice(0, 8192).split(/\r?\n\r?\n/, 1)[0];
  return /^mime-version:/im.test(headers) && RELATED_HEADER.test(headers);
}

/** The saved page's HTML and the address it was saved from (Chrome's Snapshot-Content-Location, else Content-Location). */
export async function savedPageHtml(text: string): Promise<SavedPage> {
  // Inline images stay as cid: links: the importer reads text, and data: URIs would only make the page larger.
  const mail = await simpleParser(text, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  if (typeof mail.html !== 'string' || mail.html.trim() === '') {
    return { ok: false, reason: 'The saved page (MHTML) holds no HTML part; save the policy page again, or as text.' };
  }
  const location = mail.headers.get('snapshot-content-location') ?? mail.headers.get('content-location');
  return { ok: true, html: mail.html, ...(typeof location === 'string' ? { savedFrom: location } : {}) };
}

// Turns the uploaded bytes into text, or says in a sentence why it cannot.

/** A saved policy page with inline images can be large; beyond this it is not a policy page. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export type Decoded = { ok: true; text: string; isHtml: boolean } | { ok: false; reason: string };

const HTML_NAME = /\.(x?html?|php|aspx?|jsp)$/i;
const TEXT_NAME = /\.(txt|text|md)$/i;
const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i;
const HTML_TAGS = /<(p|div|h[1-6]|br|li|span|a|table)\b[^>]*>/gi;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A NUL or many control characters in the first bytes: an image, a PDF, an archive or a word-processor file. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length / 100;
}

function decodeBytes(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const replaced = utf8.match(/\uFFFD/g)?.length ?? 0;
  // Pages saved by older tools are often Windows-1252; read as UTF-8 their quotes and accents turn into U+FFFD.
  return replaced > 0 && replaced > utf8.length / 1000 ? new TextDecoder('windows-1252').decode(bytes) : utf8;
}

function isHtml(text: string, fileName?: string, contentType?: string): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  if (contentType && /^text\/plain/i.test(contentType)) return false;
  if (fileName && HTML_NAME.test(fileName)) return true;
  if (fileName && TEXT_NAME.test(fileName)) return false;
  return HTML_START.test(text) || (text.match(HTML_TAGS)?.length ?? 0) >= 3;
}

export function decode(content: string | Uint8Array, fileName?: string, contentType?: string): Decoded {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (size === 0) return { ok: false, reason: 'The file is empty.' };
  if (size > MAX_INPUT_BYTES) {
    return {
      ok: false,
      reason: `The file is ${megabytes(size)}; a policy page is at most ${megabytes(MAX_INPUT_BYTES)}. Save the policy page alone, or as text.`,
    };
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content[0] === 0x25 && content[1] === 0x50 && content[2] === 0x44 && content[3] === 0x46) {
      return {
        ok: false,
        reason: 'The file is a PDF; save the policy as a web page (HTML) or as text and import that.',
      };
    }
    if (looksBinary(content)) {
      return { ok: false, reason: 'The file is not text (it looks like an image, archive or other binary file).' };
    }
    text = decodeBytes(content);
  }
  if (text.includes('\0')) return { ok: false, reason: 'The file is not text: it contains NUL characters.' };
  if (text.trim() === '') return { ok: false, reason: 'The file holds only white space.' };
  return { ok: true, text: text.replace(/^\uFEFF/, ''), isHtml: isHtml(text, fileName, contentType) };
}

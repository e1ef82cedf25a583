import { deflateSync } from 'node:zlib';

import { describe, expect, it } from '@jest/globals';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream } from 'pdf-lib';

import { UnreadableDocument, watermarkedPdf } from './identity-document-pdf.js';

const WATERMARK = 'Identity check for request RD-ABC123 only — viewed by Ana Núñez 2026-12-06 10:00';

/** A valid PNG of one red pixel, written out rather than read from a file. */
function onePixelPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The page's drawing operators, decompressed. */
function contentOf(pdf: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
  return streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1')).join('\n');
}

const hexOf = (ascii: string) => Buffer.from(ascii, 'latin1').toString('hex').toUpperCase();

describe('watermarkedPdf', () => {
  it('makes an image one page with the watermark drawn across it', async () => {
    const out = await PDFDocument.load(
      await watermarkedPdf({ contentType: 'image/png', content: onePixelPng() }, WATERMARK),
    );
    expect(out.getPageCount()).toBe(1);
    expect(contentOf(out, out.getPage(0))).toContain(hexOf('Identity check for request RD-ABC123 only'));
    expect(out.getSubject()).toBe(WATERMARK);
  });

  it('stamps every page of a PDF', async () => {
    const source = await PDFDocument.create();
    source.addPage([595, 842]);
    source.addPage([842, 595]);
    const out = await PDFDocument.load(
      await watermarkedPdf({ contentType: 'application/pdf', content: await source.save() }, WATERMARK),
    );
    expect(out.getPageCount()).toBe(2);
    for (const page of out.getPages())
      expect(contentOf(out, page)).toContain(hexOf('viewed by Ana N\u00fa\u00f1ez 2026-12-06 10:00'));
  });

  it('draws a character the font lacks as a question mark rather than failing', async () => {
    const out = await PDFDocument.load(
      await watermarkedPdf({ contentType: 'image/png', content: onePixelPng() }, 'viewed by 王芳'),
    );
    expect(out.getSubject()).toBe('viewed by ??');
  });

  it('refuses a document that begins as its type but does not open, rather than show it unstamped', async () => {
    for (const broken of [
      { contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n%garbage with no objects') },
      { contentType: 'image/png', content: onePixelPng().subarray(0, 20) },
      { contentType: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]) },
    ])
      await expect(watermarkedPdf(broken, WATERMARK)).rejects.toBeInstanceOf(UnreadableDocument);
  });
});

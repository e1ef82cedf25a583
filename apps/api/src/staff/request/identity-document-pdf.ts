import { degrees, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** The longest side an image page gets, in points: an A4 page's height, so a phone photo opens at a readable size. */
const MAX_IMAGE_SIDE = 842;
/** The watermark repeats across the page, so no crop of it leaves a clean copy. */
const WATERMARK_LINES = 3;

/** A document whose bytes begin as its type but do not open as one (damaged, or cut off): it cannot be stamped. */
export class UnreadableDocument extends Error {
  override readonly name = 'UnreadableDocument';
}

/**
 * The identity document as a PDF staff can view, every page stamped across its diagonal with who viewed it, when
 * and for which request: a copy that leaves the console says where it came from. An image becomes one page. A
 * document that cannot be opened is never shown unstamped: UnreadableDocument.
 */
export async function watermarkedPdf(
  document: { contentType: string; content: Uint8Array },
  watermark: string,
): Promise<Uint8Array> {
  try {
    const pdf = document.contentType === 'application/pdf' ? await loadPdf(document.content) : await imagePdf(document);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const text = encodable(watermark, font);
    for (const page of pdf.getPages()) stamp(page, text, font);
    pdf.setTitle(text);
    pdf.setSubject(text);
    return await pdf.save();
  } catch (error) {
    // pdf-lib reads a damaged file leniently and fails later, anywhere in the stamping: all of it is the document's.
    throw new UnreadableDocument(`the ${document.contentType} document does not open`, { cause: error });
  }
}

function loadPdf(content: Uint8Array): Promise<PDFDocument> {
  // An owner password only restricts editing; the document still opens, and the copy carries the watermark.
  return PDFDocument.load(content, { ignoreEncryption: true, updateMetadata: false });
}

async function imagePdf(document: { contentType: string; content: Uint8Array }): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const image =
    document.contentType === 'image/png' ? await pdf.embedPng(document.content) : await pdf.embedJpg(document.content);
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(image.width, image.height));
  const { width, height } = image.scale(scale);
  pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  return pdf;
}

function stamp(page: PDFPage, text: string, font: PDFFont): void {
  const { width, height } = page.getSize();
  const angle = Math.atan2(height, width);
  const diagonal = Math.hypot(width, height);
  // As large as fits along the diagonal with a margin, whatever the page size.
  const size = Math.max(6, (diagonal * 0.9) / font.widthOfTextAtSize(text, 1));
  const textWidth = font.widthOfTextAtSize(text, size);
  const spacing = Math.min(width, height) / (WATERMARK_LINES + 1);
  for (let line = 0; line < WATERMARK_LINES; line++) {
    // Lines parallel to the diagonal, centred on it, shifted across it.
    const offset = (line - (WATERMARK_LINES - 1) / 2) * spacing;
    const cx = width / 2 - Math.sin(angle) * offset;
    const cy = height / 2 + Math.cos(angle) * offset;
    page.drawText(text, {
      x: cx - (Math.cos(angle) * textWidth) / 2,
      y: cy - (Math.sin(angle) * textWidth) / 2,
      size,
      font,
      rotate: degrees((angle * 180) / Math.PI),
      color: rgb(0.8, 0, 0),
      opacity: 0.4,
    });
  }
}

/** The standard font covers Latin-1 and a few more: a character it cannot draw (a name in another script) becomes ?. */
function encodable(text: string, font: PDFFont): string {
  const covered = new Set(font.getCharacterSet());
  return [...text].map((c) => (covered.has(c.codePointAt(0)!) ? c : '?')).join('');
}

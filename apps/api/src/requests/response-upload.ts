import type { RequestType } from '#policy';

/** A file as multer's memory storage hands it over. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export const MAX_RESPONSE_FILES = 5;
export const MAX_RESPONSE_FILE_BYTES = 10 * 1024 * 1024;

/** Requests answered with the requester's data itself, as files; the others are answered by doing something. */
const ANSWERED_WITH_FILES: readonly RequestType[] = ['access', 'portability', 'categories'];

export function answeredWithFiles(type: RequestType): boolean {
  return ANSWERED_WITH_FILES.includes(type);
}

/** The name the downloader's browser will save: no folders, no control characters, not endless. */
export function safeFileName(name: string, fallback = 'response'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

/** The type the browser named, when it is a well-formed media type; anything else is served as bytes. */
export function safeContentType(type: string): string {
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(type)
    ? type.toLowerCase()
    : 'application/octet-stream';
}

import type { Translate } from '#mail';

import type { UploadedFile } from '../requests/response-upload.js';
import { safeFileName } from '../requests/response-upload.js';

export const MAX_PERMISSION_FILE_BYTES = 10 * 1024 * 1024;
export const PERMISSION_FIELD = 'permission';

export type PermissionContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** How each accepted type begins: what the file is, whatever name or type the browser gave it. */
const SIGNATURES: readonly { type: PermissionContentType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's type by its first bytes, or null when it is none of PDF, PNG and JPEG. */
export function permissionFileType(content: Uint8Array): PermissionContentType | null {
  const match = SIGNATURES.find(
    ({ bytes }) => content.length >= bytes.length && bytes.every((byte, i) => content[i] === byte),
  );
  return match?.type ?? null;
}

/** The consumer's signed permission, as stored: its type is the one its bytes show. */
export interface PermissionFile {
  fileName: string;
  contentType: PermissionContentType;
  size: number;
  content: Buffer;
}

/** What is wrong with an uploaded file, for the form to say in its own words. */
export type FileProblem = 'missing' | 'type' | 'too_large';

/** An uploaded PDF, PNG or JPEG file of at most MAX_PERMISSION_FILE_BYTES, typed by its bytes, or what is wrong. */
export function checkUploadedFile(
  file: UploadedFile | undefined,
):
  | { ok: true; contentType: PermissionContentType; size: number; content: Buffer }
  | { ok: false; problem: FileProblem } {
  if (!file || file.size === 0) return { ok: false, problem: 'missing' };
  if (file.size > MAX_PERMISSION_FILE_BYTES) return { ok: false, problem: 'too_large' };
  const contentType = permissionFileType(file.buffer);
  if (!contentType) return { ok: false, problem: 'type' };
  return { ok: true, contentType, size: file.size, content: file.buffer };
}

/** The uploaded permission, or the message shown beside the file field. */
export function checkPermissionFile(
  file: UploadedFile | undefined,
  t: Translate,
): { ok: true; file: PermissionFile } | { ok: false; message: string } {
  const checked = checkUploadedFile(file);
  if (!checked.ok) {
    const { problem } = checked;
    if (problem === 'too_large') return { ok: false, message: tooLargeMessage(t) };
    return { ok: false, message: t(problem === 'missing' ? 'errors.permissionMissing' : 'errors.permissionType') };
  }
  const { contentType, size, content } = checked;
  return { ok: true, file: { fileName: safeFileName(file!.originalname, 'permission'), contentType, size, content } };
}

export function tooLargeMessage(t: Translate): string {
  return t('errors.permissionTooLarge', { mb: MAX_PERMISSION_FILE_BYTES / (1024 * 1024) });
}

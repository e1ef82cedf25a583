import { describe, expect, it } from '@jest/globals';

import { translator } from '#mail';

import { checkPermissionFile, MAX_PERMISSION_FILE_BYTES, permissionFileType } from './permission-file.js';

const bytes = (...values: number[]) => Buffer.from(values);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('rest')]);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const upload = (content: Buffer, originalname = 'permission.pdf', mimetype = 'application/pdf') => ({
  originalname,
  mimetype,
  size: content.length,
  buffer: content,
});

describe('permissionFileType', () => {
  it.each([
    [PDF, 'application/pdf'],
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
  ])('knows %p by its first bytes', (content, type) => expect(permissionFileType(content)).toBe(type));

  it.each([
    ['a text file', Buffer.from('signed: Ada')],
    ['HTML', Buffer.from('<html><script>alert(1)</script>')],
    ['a truncated PNG signature', PNG.subarray(0, 7)],
    ['a PDF signature not at the start', Buffer.concat([Buffer.from(' '), PDF])],
    ['nothing', Buffer.alloc(0)],
    ['GIF', Buffer.from('GIF89a')],
  ])('refuses %s', (_, content) => expect(permissionFileType(content)).toBeNull());
});

const en = translator('en');

describe('checkPermissionFile', () => {
  it('takes the type from the bytes, not from the browser, and cleans the name', () => {
    const checked = checkPermissionFile(upload(PNG, '../../etc/passwd.pdf', 'application/pdf'), en);
    expect(checked).toEqual({
      ok: true,
      file: { fileName: 'passwd.pdf', contentType: 'image/png', size: PNG.length, content: PNG },
    });
  });

  it('asks for the file when none or an empty one came', () => {
    expect(checkPermissionFile(undefined, en)).toEqual({ ok: false, message: expect.stringContaining('Attach') });
    expect(checkPermissionFile(upload(Buffer.alloc(0)), en)).toEqual({
      ok: false,
      message: expect.stringContaining('Attach'),
    });
  });

  it('refuses a file of another type whatever it is called', () => {
    expect(checkPermissionFile(upload(Buffer.from('hello'), 'permission.pdf'), en)).toEqual({
      ok: false,
      message: expect.stringContaining('PDF, PNG or JPEG'),
    });
  });

  it('refuses a file over the size limit', () => {
    const big = {
      originalname: 'p.pdf',
      mimetype: 'application/pdf',
      size: MAX_PERMISSION_FILE_BYTES + 1,
      buffer: PDF,
    };
    expect(checkPermissionFile(big, en)).toEqual({ ok: false, message: 'The signed permission may be at most 10 MB.' });
    expect(checkPermissionFile(big, translator('es'))).toEqual({
      ok: false,
      message: 'El permiso firmado puede tener como máximo 10 MB.',
    });
  });
});

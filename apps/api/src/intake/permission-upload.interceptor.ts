import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

import type { Translate } from '#mail';

import { holdsNul, NulCharacterRefused } from '../infra/nul-free-input.guard.js';
import { REQUEST_FORM_FIELDS } from '../views/request-form.view.js';
import { MAX_PERMISSION_FILE_BYTES, PERMISSION_FIELD, tooLargeMessage } from './permission-file.js';

/**
 * The form's fields: its two hidden ones (form token, honeypot), the requester's, those proving who they are, the
 * agent's. Room for all, none for a flood.
 */
const MAX_FIELDS = REQUEST_FORM_FIELDS.length + 2;
/** The longest field (details, 5,000 characters) at four UTF-8 bytes a character. */
const MAX_FIELD_BYTES = 20_000;
/** All a well-formed post can be: the file, every field at its longest, and the multipart framing. */
export const MAX_FORM_BYTES = MAX_PERMISSION_FILE_BYTES + MAX_FIELDS * MAX_FIELD_BYTES + 64 * 1024;

const multipartOf = (field: string) =>
  FileInterceptor(field, {
    limits: {
      fileSize: MAX_PERMISSION_FILE_BYTES,
      files: 1,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      fieldNameSize: 64,
      parts: MAX_FIELDS + 1,
      headerPairs: 20,
    },
    // Browsers send file names as UTF-8.
    defParamCharset: 'utf8',
    // The form puts its honeypot before the file: a bot's file is skipped unread into memory, and the post refused.
    fileFilter: (req, _file, accept) => accept(null, !(req.body as Record<string, unknown> | undefined)?.website),
  });

/** Multer's limits the form explains beside the file field; any other multipart fault stays an error page. */
export type UploadProblem = 'too_large' | 'too_many_files';
const PROBLEMS: Record<string, UploadProblem> = {
  LIMIT_FILE_SIZE: 'too_large',
  LIMIT_FILE_COUNT: 'too_many_files',
  LIMIT_UNEXPECTED_FILE: 'too_many_files',
};
const PROBLEM = Symbol('upload problem');
/** Limits no browser sending this form reaches: refused outright. */
const FLOODS = new Set(['LIMIT_FIELD_COUNT', 'LIMIT_FIELD_VALUE', 'LIMIT_FIELD_KEY', 'LIMIT_PART_COUNT']);

export class FormOverflow extends PayloadTooLargeException {
  constructor() {
    super('The form sent more than the form asks for: more fields, or longer ones. Send it again from the form page.');
  }
}

/**
 * Reads a public form with one file field, multipart or urlencoded, once IntakeGate has passed it. A file over the
 * limit does not end the request with a bare error page: multer has drained the body and kept the fields read
 * before the file, so the controller re-renders the form with them and says what was wrong beside the file field.
 * The global NUL guard runs before the multipart body is read, so its check is made here.
 */
export function singleFileUpload(field: string) {
  const Multipart = multipartOf(field);
  @Injectable()
  class SingleFileUpload implements NestInterceptor {
    private readonly multipart = new Multipart();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<Request>();
      const nulFree: CallHandler = {
        handle: () => {
          const file = (req as Request & { file?: { originalname?: string } }).file;
          if (holdsNul(req.body) || holdsNul(file?.originalname)) throw new NulCharacterRefused();
          return next.handle();
        },
      };
      try {
        return await this.multipart.intercept(context, nulFree);
      } catch (error) {
        const code = error instanceof HttpException ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
        if (typeof code === 'string' && FLOODS.has(code)) throw new FormOverflow();
        const problem = typeof code === 'string' ? PROBLEMS[code] : undefined;
        if (!problem) throw error;
        (req as Request & { [PROBLEM]?: UploadProblem })[PROBLEM] = problem;
        return nulFree.handle();
      }
    }
  }
  return SingleFileUpload;
}

/** The request form, with an agent's signed permission. */
export const PermissionUpload = singleFileUpload(PERMISSION_FIELD);

/** What stopped the upload, when a limit did. */
export function uploadProblemOf(req: Request): UploadProblem | undefined {
  return (req as Request & { [PROBLEM]?: UploadProblem })[PROBLEM];
}

export function uploadProblemMessage(problem: UploadProblem, t: Translate): string {
  return problem === 'too_large' ? tooLargeMessage(t) : t('errors.permissionOneFile');
}

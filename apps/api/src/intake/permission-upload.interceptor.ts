import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { MAX_PERMISSION_FILE_BYTES, PERMISSION_FIELD, tooLargeMessage } from './permission-file.js';

/** The same multer reading as the staff response upload, for the one file of an agent's form. */
const Multipart = FileInterceptor(PERMISSION_FIELD, {
  limits: { fileSize: MAX_PERMISSION_FILE_BYTES, files: 1 },
  // Browsers send file names as UTF-8.
  defParamCharset: 'utf8',
});

/** Multer's limits the form explains beside the file field; any other multipart fault stays an error page. */
export type UploadProblem = 'too_large' | 'too_many_files';
const PROBLEMS: Record<string, UploadProblem> = { LIMIT_FILE_SIZE: 'too_large', LIMIT_FILE_COUNT: 'too_many_files', LIMIT_UNEXPECTED_FILE: 'too_many_files' };
const PROBLEM = Symbol('upload problem');

/**
 * Reads the request form, multipart (with the permission file) or urlencoded. A file over the limit does not
 * end the request with a bare error page: multer has drained the body and kept the fields read before the
 * file, so the controller re-renders the form with them and says what was wrong beside the file field.
 */
@Injectable()
export class PermissionUpload implements NestInterceptor {
  private readonly multipart = new Multipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      const code = error instanceof HttpException ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
      const problem = typeof code === 'string' ? PROBLEMS[code] : undefined;
      if (!problem) throw error;
      (context.switchToHttp().getRequest<Request>() as Request & { [PROBLEM]?: UploadProblem })[PROBLEM] = problem;
      return next.handle();
    }
  }
}

/** What stopped the upload, when a limit did. */
export function uploadProblemOf(req: Request): UploadProblem | undefined {
  return (req as Request & { [PROBLEM]?: UploadProblem })[PROBLEM];
}

export function uploadProblemMessage(problem: UploadProblem): string {
  return problem === 'too_large' ? tooLargeMessage() : 'Attach one file only: the signed permission.';
}

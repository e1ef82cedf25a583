import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { of } from 'rxjs';

import { MAX_RESPONSE_FILE_BYTES, MAX_RESPONSE_FILES } from '../../requests/response-upload.js';

const Multipart = FilesInterceptor('files', MAX_RESPONSE_FILES, {
  limits: { fileSize: MAX_RESPONSE_FILE_BYTES, files: MAX_RESPONSE_FILES },
  // Browsers send file names as UTF-8.
  defParamCharset: 'utf8',
});

/**
 * Reads the response files a fulfilment uploads, with the form's fields: the form token is one of them, so the
 * post is read before it is checked (multer's limits end it early; UploadLimitsFilter words them).
 */
@Injectable()
export class ResponseFilesGuard implements CanActivate {
  private readonly multipart = new Multipart();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.multipart.intercept(context, { handle: () => of(undefined) });
    return true;
  }
}

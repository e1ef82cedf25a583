import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  PayloadTooLargeException,
} from '@nestjs/common';

import { HttpExceptionFilter } from '../../http-exception.filter.js';
import { MAX_RESPONSE_FILE_BYTES, MAX_RESPONSE_FILES } from '../../requests/response-upload.js';

const MESSAGES: Record<string, () => HttpException> = {
  LIMIT_FILE_SIZE: () =>
    new PayloadTooLargeException(
      `Each file may be at most ${MAX_RESPONSE_FILE_BYTES / (1024 * 1024)} MB. Nothing was saved.`,
    ),
  LIMIT_FILE_COUNT: () => new BadRequestException(`Upload at most ${MAX_RESPONSE_FILES} files. Nothing was saved.`),
  LIMIT_UNEXPECTED_FILE: () =>
    new BadRequestException(
      `Upload at most ${MAX_RESPONSE_FILES} files, with the form's file field. Nothing was saved.`,
    ),
};

/** Multer names its limits in its own words; staff get ours, through the usual error page. */
@Catch(PayloadTooLargeException, BadRequestException)
export class UploadLimitsFilter implements ExceptionFilter {
  private readonly pages = new HttpExceptionFilter();

  catch(exception: HttpException, host: ArgumentsHost): void {
    const code = (exception.cause as { code?: unknown } | undefined)?.code;
    const clearer = typeof code === 'string' ? MESSAGES[code] : undefined;
    this.pages.catch(clearer ? clearer() : exception, host);
  }
}

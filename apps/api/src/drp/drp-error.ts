import { HttpException } from '@nestjs/common';

import type { DrpRefusal } from '#workflow';

/**
 * An error answer of the Data Rights Protocol (0.9.4 §3.06): the HTTP status, and a body of `code` (the status
 * as a string), `message` and, when retrying cannot help, `fatal: true`. HttpExceptionFilter writes the body.
 */
export class DrpError extends HttpException {
  constructor(
    status: number,
    message: string,
    readonly fatal = false,
  ) {
    super(message, status);
  }

  static from(refusal: DrpRefusal): DrpError {
    return new DrpError(refusal.httpStatus, refusal.message, refusal.fatal === true);
  }
}

/** §2.05.1: a pair-wise setup that fails validation is answered 403 with no body. */
export class PairwiseSetupRefused extends Error {}

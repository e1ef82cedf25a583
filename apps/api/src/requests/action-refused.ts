import { HttpException, HttpStatus } from '@nestjs/common';

import type { RefusalCode } from '#workflow';

/** An action the request's state or the form's input does not allow; the request page shows the message. */
export class ActionRefused extends HttpException {
  constructor(message: string, status: HttpStatus.BAD_REQUEST | HttpStatus.CONFLICT) {
    super(message, status);
  }

  /** Refusals about what was typed are the form's fault (400); the rest are about the request's state (409). */
  static fromWorkflow(error: { code: RefusalCode; message: string }): ActionRefused {
    const inputProblem =
      error.code === 'reason_required' ||
      error.code === 'controller_required' ||
      error.code === 'denial_reason_not_allowed' ||
      error.code === 'withdrawal_route_unknown';
    return new ActionRefused(error.message, inputProblem ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT);
  }

  static badInput(message: string): ActionRefused {
    return new ActionRefused(message, HttpStatus.BAD_REQUEST);
  }

  static conflict(message: string): ActionRefused {
    return new ActionRefused(message, HttpStatus.CONFLICT);
  }
}

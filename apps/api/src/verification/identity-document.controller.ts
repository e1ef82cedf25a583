import {
  Controller,
  Inject,
  Param,
  Post,
  Redirect,
  Req,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import type { Request } from 'express';

import type { Clock } from '#config';

import { Page, seeOther } from '../infra/page.decorator.js';
import { CLOCK } from '../infra/tokens.js';
import { IntakeGate } from '../intake/intake-gate.guard.js';
import { checkUploadedFile } from '../intake/permission-file.js';
import { singleFileUpload, uploadProblemOf } from '../intake/permission-upload.interceptor.js';
import { ActionRefused } from '../requests/action-refused.js';
import type { UploadedFile as Upload } from '../requests/response-upload.js';
import type { DocumentProblem } from './identity-document-problem.js';
import { IdentityDocumentUploadService } from './identity-document-upload.service.js';
import { linkRefused, statusPath, statusView } from './status.controller.js';

const IdentityDocumentUpload = singleFileUpload('document');

/**
 * The identity document a right asks for, uploaded from the status page. Rate limit, size and form token are
 * checked on the headers first (IntakeGate, as for the request form); the status page then says, in the
 * requester's language, that it arrived or what was wrong with it.
 */
@Controller('s')
export class IdentityDocumentController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly documents: IdentityDocumentUploadService,
  ) {}

  @Post(':token/identity-document')
  @UseGuards(IntakeGate)
  @UseInterceptors(IdentityDocumentUpload)
  @Page(statusView)
  @Redirect()
  async upload(@Param('token') token: string, @UploadedFile() file: Upload | undefined, @Req() req: Request) {
    const problem = uploadProblemOf(req);
    const checked = problem ? ({ ok: false, problem } as const) : checkUploadedFile(file);
    if (!checked.ok) return this.back(token, checked.problem);
    const { contentType, size, content } = checked;
    try {
      const outcome = await this.documents.receive(token, { contentType, size, content }, this.clock.now());
      if (!outcome.ok) throw linkRefused(outcome.refusal);
    } catch (error) {
      if (!(error instanceof ActionRefused)) throw error;
      return this.back(token, 'refused');
    }
    return seeOther(statusPath(token));
  }

  private back(token: string, problem: DocumentProblem) {
    return seeOther(`${statusPath(token)}?document=${problem}`);
  }
}

import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Redirect,
  UploadedFile,
} from '@nestjs/common';

import { staffPaths } from '#mail';
import { addRight, changeChannel, changeDeadline, removeChannel, removeRight, retypeRight } from '#policy';

import { Page, RefusedPage, seeOther } from '../../infra/page.decorator.js';
import { echoValues, validateForm } from '../../intake/form-validation.js';
import type { UploadedFile as MultipartFile } from '../../requests/response-upload.js';
import { OperatorRoute } from '../auth/operator-route.decorator.js';
import { Staff } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { PlatformService, PublishProblems } from './platform.service.js';
import {
  ChannelForm,
  DeadlineForm,
  NewOrganisationForm,
  NewRightForm,
  NewVersionForm,
  RightForm,
  SettingsForm,
} from './platform-forms.js';
import { type PlatformHome, platformHomePage } from './platform-home.view.js';
import { type PolicyReview, policyReviewPage } from './policy-review.view.js';
import { PolicyUploadGuard } from './policy-upload.guard.js';

const NEW_IMPORT_FIELDS = ['slug', 'name', 'timeZone', 'country'] as const;

/** Platform operators create organisations from their policies: import, review beside the text, edit, publish. */
@Controller('staff/platform')
export class PlatformController {
  constructor(private readonly platform: PlatformService) {}

  @Get()
  @OperatorRoute()
  @Page(platformHomePage)
  async home(@Query('published') published: unknown): Promise<PlatformHome> {
    return {
      organisations: await this.platform.organisations(),
      ...(typeof published === 'string' ? { published } : {}),
    };
  }

  @Post('imports')
  @OperatorRoute({ multipart: PolicyUploadGuard })
  @Page(platformHomePage)
  @Redirect()
  async start(
    @Staff() staff: StaffPrincipal,
    @UploadedFile() upload: MultipartFile | undefined,
    @Body() body: Record<string, unknown>,
  ) {
    const values = echoValues(body, NEW_IMPORT_FIELDS);
    const refuse = async (status: number, fields: Pick<PlatformHome, 'errors' | 'refusal'>) =>
      new RefusedPage<PlatformHome>(status, { organisations: await this.platform.organisations(), values, ...fields });
    const form =
      body.organisation === undefined
        ? await validateForm(NewOrganisationForm, body)
        : await validateForm(NewVersionForm, body);
    if (!form.ok) throw await refuse(400, { errors: form.errors });
    const file = upload?.size ? upload : undefined;
    const content = file?.buffer ?? form.value.text;
    if (content === undefined) {
      const missing = 'Paste the policy, or upload it as a file.';
      // A changed policy comes from a row of the table, which shows no field messages: said above it instead.
      throw await refuse(400, 'organisation' in form.value ? { refusal: missing } : { errors: { text: [missing] } });
    }
    try {
      const importId = await this.platform.start(staff, {
        ...form.value,
        content,
        ...(file ? { fileName: file.originalname, contentType: file.mimetype } : {}),
      });
      return seeOther(staffPaths.policyImport(importId));
    } catch (error) {
      if (
        error instanceof BadRequestException ||
        error instanceof ConflictException ||
        error instanceof NotFoundException
      )
        throw await refuse(error.getStatus(), { refusal: error.message });
      throw error;
    }
  }

  @Get('imports/:importId')
  @OperatorRoute()
  @Page(policyReviewPage)
  review(@Param('importId') importId: string): Promise<PolicyReview> {
    return this.platform.review(importId);
  }

  @Post('imports/:importId/settings')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async settle(@Param('importId') importId: string, @Body() body: Record<string, unknown>) {
    const form = await validateForm(SettingsForm, body);
    if (!form.ok) throw await this.refused(importId, 400, { errors: form.errors });
    await this.refusing(importId, () => this.platform.settle(importId, form.value));
    return seeOther(`${staffPaths.policyImport(importId)}#settings`);
  }

  @Post('imports/:importId/rights')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async addRight(@Param('importId') importId: string, @Body() body: Record<string, unknown>) {
    const form = await validateForm(NewRightForm, body);
    if (!form.ok) throw await this.refused(importId, 400, { errors: form.errors });
    const { sentence, ...choice } = form.value;
    await this.refusing(importId, () =>
      this.platform.edit(importId, (draft, policyImport) => {
        const cited = policyImport.sentences[sentence];
        if (!cited) throw new BadRequestException('Choose the sentence that grants the right.');
        return addRight(draft, choice, cited);
      }),
    );
    return seeOther(`${staffPaths.policyImport(importId)}#rights`);
  }

  @Post('imports/:importId/rights/:index')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async retypeRight(
    @Param('importId') importId: string,
    @Param('index') index: string,
    @Body() body: Record<string, unknown>,
  ) {
    const form = await validateForm(RightForm, body);
    if (!form.ok) throw await this.refused(importId, 400, { errors: form.errors });
    await this.refusing(importId, () =>
      this.platform.edit(importId, (draft) => retypeRight(draft, Number(index), form.value)),
    );
    return seeOther(`${staffPaths.policyImport(importId)}#right-${index}`);
  }

  @Post('imports/:importId/rights/:index/remove')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async removeRight(@Param('importId') importId: string, @Param('index') index: string) {
    await this.refusing(importId, () => this.platform.edit(importId, (draft) => removeRight(draft, Number(index))));
    return seeOther(`${staffPaths.policyImport(importId)}#rights`);
  }

  @Post('imports/:importId/deadlines/:index')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async changeDeadline(
    @Param('importId') importId: string,
    @Param('index') index: string,
    @Body() body: Record<string, unknown>,
  ) {
    const form = await validateForm(DeadlineForm, body);
    if (!form.ok) throw await this.refused(importId, 400, { errors: form.errors });
    await this.refusing(importId, () =>
      this.platform.edit(importId, (draft) => changeDeadline(draft, Number(index), form.value)),
    );
    return seeOther(`${staffPaths.policyImport(importId)}#deadline-${index}`);
  }

  @Post('imports/:importId/channels/:index')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async changeChannel(
    @Param('importId') importId: string,
    @Param('index') index: string,
    @Body() body: Record<string, unknown>,
  ) {
    const form = await validateForm(ChannelForm, body);
    if (!form.ok) throw await this.refused(importId, 400, { errors: form.errors });
    await this.refusing(importId, () =>
      this.platform.edit(importId, (draft) => changeChannel(draft, Number(index), form.value.value)),
    );
    return seeOther(`${staffPaths.policyImport(importId)}#channel-${index}`);
  }

  @Post('imports/:importId/channels/:index/remove')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async removeChannel(@Param('importId') importId: string, @Param('index') index: string) {
    await this.refusing(importId, () => this.platform.edit(importId, (draft) => removeChannel(draft, Number(index))));
    return seeOther(`${staffPaths.policyImport(importId)}#channels`);
  }

  @Post('imports/:importId/publish')
  @OperatorRoute()
  @Page(policyReviewPage)
  @Redirect()
  async publish(@Staff() staff: StaffPrincipal, @Param('importId') importId: string) {
    let slug = '';
    await this.refusing(importId, async () => {
      slug = await this.platform.publish(staff, importId);
    });
    return seeOther(staffPaths.platform({ published: slug }));
  }

  /** The review page again, with what was refused: a bad field, a stale edit, or the validator's problems. */
  private async refused(
    importId: string,
    status: number,
    fields: Pick<PolicyReview, 'errors' | 'problems'>,
  ): Promise<RefusedPage<PolicyReview>> {
    return new RefusedPage(status, { ...(await this.platform.review(importId)), ...fields });
  }

  private async refusing(importId: string, change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (error instanceof PublishProblems) throw await this.refused(importId, 422, { problems: error.problems });
      if (error instanceof BadRequestException || error instanceof ConflictException)
        throw await this.refused(importId, error.getStatus(), { problems: [{ path: '', message: error.message }] });
      throw error;
    }
  }
}

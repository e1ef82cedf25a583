import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString } from 'class-validator';

import { STAFF_WITHDRAWAL_ROUTES } from '#workflow';

import { asText } from '../../infra/posted-form.decorator.js';

// The forms of the request page. What is typed is checked by the request's workflow, which refuses with the words
// shown on the page; a field that is not text reads as empty and is refused there like an empty one.

export class AssigneeForm {
  @Transform(asText) @IsString() assigneeId = '';
}

export class NoteForm {
  @Transform(asText) @IsString() text = '';
}

export class QuestionForm {
  @Transform(asText) @IsString() question = '';
}

export class ReasonForm {
  @Transform(asText) @IsString() reason = '';
}

export class DenialForm {
  @Transform(asText) @IsString() reason = '';
  @Transform(asText) @IsString() explanation = '';
}

export class FulfilmentForm {
  @Transform(asText) @IsString() resolution = '';
}

export class RedirectForm {
  /** "other" is the radio for a controller the policy does not name; its name is then typed in. */
  @Transform(asText) @IsString() controller = '';
  @Transform(asText) @IsString() controllerOther = '';

  get controllerName(): string {
    return this.controller === 'other' ? this.controllerOther : this.controller;
  }
}

/** The requester withdrew by phone, letter, mail or in person: staff record how, and may note what was said. */
export class WithdrawalForm {
  // The requester's own routes (status page, agent) are theirs to use, never staff's to claim.
  @Transform(asText)
  @IsIn(STAFF_WITHDRAWAL_ROUTES, { message: 'Say how the requester told you: by phone, letter, email or in person.' })
  route = '';

  @Transform(asText) @IsString() note = '';
}

export class ClassificationForm {
  @Transform(asText) @IsString() rightId = '';
}

/** Which line of a manual system's checklist was done. */
export class ChecklistForm {
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : -1))
  @IsInt()
  item = -1;
}

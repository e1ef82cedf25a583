import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';

import { asText } from '../../infra/posted-form.decorator.js';

// The account forms. Their checks keep the words of passwordProblem and of each page, so these only type the fields:
// a field that is not text reads as empty, and is refused like an empty one.

export class SignInForm {
  @Transform(asText) @IsString() email = '';
  @Transform(asText) @IsString() password = '';
  /** Where to go after signing in; safeNext keeps it within the console. */
  @Transform(asText) @IsString() next = '';
}

export class ForgotPasswordForm {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase().slice(0, 254) : '',
  )
  @IsString()
  email = '';
}

export class NewPasswordForm {
  @Transform(asText) @IsString() password = '';
  @Transform(asText) @IsString() repeat = '';
}

export class ChangePasswordForm extends NewPasswordForm {
  @Transform(asText) @IsString() current = '';
}

export class InvitationForm extends NewPasswordForm {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : ''))
  @IsString()
  name = '';
}

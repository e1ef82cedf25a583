import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

import { IsPlainEmail } from './plain-email.js';
import { containsSensitiveNumber, SENSITIVE_NUMBER_MESSAGE } from './sensitive-numbers.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function HasNoSensitiveNumbers(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'hasNoSensitiveNumbers',
      target: target.constructor,
      propertyName,
      options,
      validator: { validate: (value: unknown) => typeof value !== 'string' || !containsSensitiveNumber(value) },
    });
}

/** What the web form asks: only what is needed to find, verify and answer the requester. */
export class RequestFormDto {
  @Transform(trim)
  @IsString({ message: 'Tell us your name.' })
  @IsNotEmpty({ message: 'Tell us your name.' })
  @MaxLength(200, { message: 'Your name can be at most 200 characters.' })
  name: string;

  @Transform(trim)
  @IsString({ message: 'Enter your email address, like name@example.com.' })
  @IsEmail({}, { message: 'Enter your email address, like name@example.com.' })
  @MaxLength(254, { message: 'That email address is too long.' })
  @IsPlainEmail({
    message: 'Enter the address without quotes, spaces, commas or angle brackets, like name@example.com.',
  })
  email: string;

  @Transform(trim)
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsString({ message: 'Enter a phone number with digits only, like +1 415 555 0100.' })
  @Matches(/^\+?[0-9 ().-]{7,25}$/, { message: 'Enter a phone number with digits only, like +1 415 555 0100.' })
  phone?: string;

  @IsString({ message: 'Choose what you would like to ask for.' })
  @IsNotEmpty({ message: 'Choose what you would like to ask for.' })
  rightId: string;

  @IsIn(['self', 'agent'], { message: 'Tell us whether the request is for yourself or as an authorised agent.' })
  relationship: 'self' | 'agent';

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'Details must be text.' })
  @MaxLength(5000, { message: 'Details can be at most 5,000 characters.' })
  @HasNoSensitiveNumbers({ message: SENSITIVE_NUMBER_MESSAGE })
  details?: string;
}

export type RequestFormField = keyof RequestFormDto;

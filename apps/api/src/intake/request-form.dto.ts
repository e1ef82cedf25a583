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
import { containsSensitiveNumber } from './sensitive-numbers.js';

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

/** What the web form asks: only what is needed to find, verify and answer the requester. Messages are catalogue keys. */
export class RequestFormDto {
  @Transform(trim)
  @IsString({ message: 'errors.name' })
  @IsNotEmpty({ message: 'errors.name' })
  @MaxLength(200, { message: 'errors.nameLength' })
  name: string;

  @Transform(trim)
  @IsString({ message: 'errors.email' })
  @IsEmail({}, { message: 'errors.email' })
  @MaxLength(254, { message: 'errors.emailLength' })
  @IsPlainEmail({ message: 'errors.emailPlain' })
  email: string;

  @Transform(trim)
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsString({ message: 'errors.phone' })
  @Matches(/^\+?[0-9 ().-]{7,25}$/, { message: 'errors.phone' })
  phone?: string;

  @IsString({ message: 'errors.right' })
  @IsNotEmpty({ message: 'errors.right' })
  rightId: string;

  @IsIn(['self', 'agent'], { message: 'errors.relationship' })
  relationship: 'self' | 'agent';

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'errors.details' })
  @MaxLength(5000, { message: 'errors.detailsLength' })
  @HasNoSensitiveNumbers({ message: 'errors.sensitiveUs' })
  details?: string;
}

export type RequestFormField = keyof RequestFormDto;

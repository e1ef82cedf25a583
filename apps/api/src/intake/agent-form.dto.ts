import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

import { IsPlainEmail } from './plain-email.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What the form asks an authorised agent about themselves; the consumer's permission comes as a file. */
export class AgentFormDto {
  @Transform(trim)
  @IsString({ message: 'Tell us your name, as the authorised agent.' })
  @IsNotEmpty({ message: 'Tell us your name, as the authorised agent.' })
  @MaxLength(200, { message: 'Your name can be at most 200 characters.' })
  agentName: string;

  @Transform(trim)
  @IsString({ message: 'Enter your own email address, like agent@example.com.' })
  @IsEmail({}, { message: 'Enter your own email address, like agent@example.com.' })
  @MaxLength(254, { message: 'That email address is too long.' })
  @IsPlainEmail({
    message: 'Enter the address without quotes, spaces, commas or angle brackets, like agent@example.com.',
  })
  agentEmail: string;

  /** The checkbox: present ("yes") when the agent is a business. */
  @IsOptional()
  @IsIn(['yes'], { message: 'Tick the box only if you act as a business.' })
  agentIsBusiness?: 'yes';

  @Transform(trim)
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsString({ message: 'Enter the registration number with letters and digits only.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{3,23}$/, {
    message: 'Enter the registration number with letters and digits only, like C1234567 or 201912345678.',
  })
  agentRegistration?: string;
}

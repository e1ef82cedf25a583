import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

import { IsPlainEmail } from './plain-email.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What the form asks an authorised agent about themselves; the consumer's permission comes as a file. */
export class AgentFormDto {
  @Transform(trim)
  @IsString({ message: 'errors.agentName' })
  @IsNotEmpty({ message: 'errors.agentName' })
  @MaxLength(200, { message: 'errors.nameLength' })
  agentName: string;

  @Transform(trim)
  @IsString({ message: 'errors.agentEmail' })
  @IsEmail({}, { message: 'errors.agentEmail' })
  @MaxLength(254, { message: 'errors.emailLength' })
  @IsPlainEmail({
    message: 'errors.agentEmailPlain',
  })
  agentEmail: string;

  /** The checkbox: present ("yes") when the agent is a business. */
  @IsOptional()
  @IsIn(['yes'], { message: 'errors.agentIsBusiness' })
  agentIsBusiness?: 'yes';

  @Transform(trim)
  @IsOptional()
  @ValidateIf((_, value) => value !== '')
  @IsString({ message: 'errors.agentRegistration' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{3,23}$/, {
    message: 'errors.agentRegistrationFormat',
  })
  agentRegistration?: string;
}

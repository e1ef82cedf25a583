import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from '#db';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The staff page's "add a member" form. */
export class AddMemberForm {
  @Transform(trimmed)
  @IsEmail({}, { message: 'Enter their email address, like name@example.com.' })
  @MaxLength(254, { message: 'An email address has at most 254 characters.' })
  email: string;

  @Transform(trimmed)
  @IsString({ message: 'Enter their name.' })
  @MinLength(1, { message: 'Enter their name.' })
  @MaxLength(200, { message: 'A name has at most 200 characters.' })
  name: string;

  @IsIn(STAFF_ROLES, { message: `Choose a role: ${STAFF_ROLES.join(', ')}.` })
  role: StaffRole;

  @IsString({ message: `Choose an initial password of at least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `The initial password needs at least ${MIN_PASSWORD_LENGTH} characters.` })
  @MaxLength(200, { message: 'The initial password has at most 200 characters.' })
  password: string;
}

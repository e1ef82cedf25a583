import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';

import { STAFF_ROLES, type StaffRole } from '#db';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The staff page's "invite a member" form: an address and a role, never a password. */
export class AddMemberForm {
  @Transform(trimmed)
  @IsEmail({}, { message: 'Enter their email address, like name@example.com.' })
  @MaxLength(254, { message: 'An email address has at most 254 characters.' })
  email: string;

  @IsIn(STAFF_ROLES, { message: `Choose a role: ${STAFF_ROLES.join(', ')}.` })
  role: StaffRole;
}

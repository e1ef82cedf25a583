import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';

import { asText } from '../../infra/posted-form.decorator.js';

/** A member's new role; which roles exist is the service's to say, in its own words. */
export class RoleForm {
  @Transform(asText) @IsString() role = '';
}

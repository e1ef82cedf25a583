import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

const trimmedText = ({ value }: { value: unknown }): string => (typeof value === 'string' ? value.trim() : '');

/** A new API key's name: what will use it. */
export class ApiKeyLabelForm {
  @Transform(trimmedText)
  // Counted in UTF-16 units, as the page has always counted them.
  @Matches(/^[\s\S]{1,100}$/, { message: 'Name the key (up to 100 characters) after what will use it.' })
  label = '';
}

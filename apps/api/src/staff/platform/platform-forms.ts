import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { type DraftDeadline, type Regime, REGIMES, REQUEST_TYPES, type RequestType } from '#policy';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An empty field reads as absent, as a browser sends an untouched optional field. */
const blankAbsent = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const COUNTRIES = ['US', 'GB'] as const;
/** The IANA zones this Node knows: the same list the validator's time zone check accepts. */
export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/** What the reviewer picks beside the draft: the organisation's name, the zone its days count in, its country. */
export class SettingsForm {
  @Transform(trimmed)
  @MinLength(1, { message: "Enter the organisation's name." })
  @MaxLength(200, { message: 'A name has at most 200 characters.' })
  name: string;

  @IsIn(TIME_ZONES, { message: 'Choose a time zone from the list, like America/New_York.' })
  timeZone: string;

  @IsIn(COUNTRIES, { message: 'Choose the country whose public holidays count: US or GB.' })
  country: 'US' | 'GB';
}

/** The policy pasted into the form; a file uploaded beside it is read instead. */
class PolicyTextForm {
  @Transform(blankAbsent)
  @IsOptional()
  @MaxLength(2_000_000, { message: 'Paste at most 2 MB of text; upload a longer policy as a file.' })
  text?: string;
}

/** A new organisation from its policy: its address name and the settings its requests are counted in. */
export class NewOrganisationForm extends PolicyTextForm {
  @Transform(trimmed)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'Choose an address name of lower-case letters, digits and single dashes, like acme-health.',
  })
  @MaxLength(60, { message: 'An address name has at most 60 characters.' })
  slug: string;

  @Transform(trimmed)
  @MinLength(1, { message: "Enter the organisation's name." })
  @MaxLength(200, { message: 'A name has at most 200 characters.' })
  name: string;

  @IsIn(TIME_ZONES, { message: 'Choose a time zone from the list, like America/New_York.' })
  timeZone: string;

  @IsIn(COUNTRIES, { message: 'Choose the country whose public holidays count: US or GB.' })
  country: 'US' | 'GB';
}

/** A changed policy of an existing organisation: reviewed against its last import before it is published. */
export class NewVersionForm extends PolicyTextForm {
  @Matches(/^[a-z0-9-]+$/, { message: 'Choose an organisation from the list.' })
  @MaxLength(60, { message: 'Choose an organisation from the list.' })
  organisation: string;
}

/** A right as the reviewer words it: its type, the law it is granted under, and how the form offers it. */
export class RightForm {
  @IsIn(REQUEST_TYPES, { message: 'Choose the kind of right.' })
  type: RequestType;

  @IsIn(REGIMES, { message: 'Choose the law the right is granted under (or none: the policy’s own promise).' })
  regime: Regime;

  @Transform(trimmed)
  @MinLength(1, { message: 'Word the right as the form offers it.' })
  @MaxLength(200, { message: 'A label has at most 200 characters.' })
  label: string;
}

/** A right added by the reviewer cites a sentence of the text they pick. */
export class NewRightForm extends RightForm {
  @Type(() => Number)
  @IsInt({ message: 'Choose the sentence that grants the right.' })
  @Min(0, { message: 'Choose the sentence that grants the right.' })
  sentence: number;
}

export class DeadlineForm {
  @IsIn(['legal', 'internal_target'], { message: 'Choose the law’s period or the policy’s own shorter target.' })
  kind: DraftDeadline['kind'];

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined,
  )
  @IsOptional()
  @IsInt({ message: 'Enter the days as a whole number, or leave it empty for the law’s period.' })
  @Min(1, { message: 'A deadline is at least 1 day.' })
  @Max(366, { message: 'A deadline is at most 366 days.' })
  days?: number;
}

/** A channel's address, number or URL, as the reviewer reads it in the cited sentence. */
export class ChannelForm {
  @Transform(trimmed)
  @MaxLength(500, { message: 'An address, number or URL has at most 500 characters.' })
  value: string;
}

import { Transform } from 'class-transformer';
import { Equals, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const given = (_: object, value: unknown) => value !== undefined && value !== '';

/**
 * The data points a requester may give to be matched against the organisation's records, each optional: a missing
 * one only leaves fewer to match. Only those the organisation lists are read from a post.
 */
export class DataPointsFormDto {
  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'errors.dataPoint' })
  @MaxLength(500, { message: 'errors.dataPointLength' })
  dataPointFullName?: string;

  @Transform(trim)
  @IsOptional()
  @ValidateIf(given)
  @IsString({ message: 'errors.dataPointPhone' })
  @Matches(/^\+?[0-9 ().-]{7,25}$/, { message: 'errors.dataPointPhone' })
  dataPointPhone?: string;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'errors.dataPoint' })
  @MaxLength(500, { message: 'errors.dataPointLength' })
  dataPointPostalAddress?: string;

  @Transform(trim)
  @IsOptional()
  @ValidateIf(given)
  @Matches(DATE, { message: 'errors.dataPointDate' })
  @IsISO8601({ strict: true }, { message: 'errors.dataPointDate' })
  dataPointDateOfBirth?: string;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'errors.dataPoint' })
  @MaxLength(500, { message: 'errors.dataPointLength' })
  dataPointAccountNumber?: string;

  @Transform(trim)
  @IsOptional()
  @ValidateIf(given)
  @Matches(DATE, { message: 'errors.dataPointDate' })
  @IsISO8601({ strict: true }, { message: 'errors.dataPointDate' })
  dataPointLastOrderDate?: string;
}

/** The declaration under penalty of perjury a request for specific pieces of personal information needs (CCPA regs §7062(c)). */
export class DeclarationFormDto {
  @Equals('yes', { message: 'errors.declaration' })
  declaration: 'yes';

  // Decorators run bottom up and the first message is shown: a missing name is told to sign, not that it is too long.
  @Transform(trim)
  @MaxLength(200, { message: 'errors.nameLength' })
  @IsNotEmpty({ message: 'errors.declarationName' })
  @IsString({ message: 'errors.declarationName' })
  declarationName: string;

  @Transform(trim)
  @IsString({ message: 'errors.declarationDate' })
  @Matches(DATE, { message: 'errors.declarationDate' })
  @IsISO8601({ strict: true }, { message: 'errors.declarationDate' })
  declarationDate: string;
}

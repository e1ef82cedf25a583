import { IsOptional, IsString } from 'class-validator';

/** Query of the report page and CSV; the dates themselves are checked by reportPeriod, which names each problem. */
export class ReportQuery {
  @IsOptional()
  @IsString({ message: 'from must be a single date written YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @IsString({ message: 'to must be a single date written YYYY-MM-DD' })
  to?: string;
}

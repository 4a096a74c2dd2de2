import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../common/page.query';

export const TASK_STATUSES = ['open', 'resolved', 'obsolete'] as const;
/**
 * possible-match: two records the engine would not link alone (review band or weak average);
 * source-duplicate: two records of a source that holds no duplicates (the ERP) match;
 * erp-incomplete: a customer the ERP cannot take yet (its missing fields in `details.missing`).
 */
export const TASK_TYPES = ['possible-match', 'source-duplicate', 'erp-incomplete'] as const;
export const TASK_SORTS = ['priority', 'age'] as const;

export class ListTasksQuery extends PageQuery {
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status: (typeof TASK_STATUSES)[number] = 'open';

  @IsOptional()
  @IsIn(TASK_TYPES)
  type?: (typeof TASK_TYPES)[number];

  /** Tasks assigned to this steward. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  assignee?: string;

  /** Only tasks nobody is assigned to. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unassigned must be true or false' })
  unassigned?: boolean;

  /** Tasks about a record of this source (on either side). */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'source must be a source name such as erp' })
  source?: string;

  /** Possible matches at least this likely (0 to 1). */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'minProbability must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  minProbability?: number;

  /** `priority` (the most likely matches first by default) or `age` (the oldest first by default). */
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort: (typeof TASK_SORTS)[number] = 'priority';

  /** For priority: desc = most urgent first; for age: desc = oldest first. */
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}

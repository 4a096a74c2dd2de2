import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/page.query';

export const TASK_STATUSES = ['open', 'resolved', 'obsolete'] as const;
export const TASK_TYPES = ['possible-match', 'source-duplicate', 'erp-incomplete'] as const;

export class ListTasksQuery extends PageQuery {
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status: (typeof TASK_STATUSES)[number] = 'open';

  @IsOptional()
  @IsIn(TASK_TYPES)
  type?: (typeof TASK_TYPES)[number];
}

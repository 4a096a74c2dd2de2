import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/page.query';

export class ListGoldenRecordsQuery extends PageQuery {
  @IsOptional()
  @IsIn(['person', 'organization'])
  kind?: 'person' | 'organization';
}

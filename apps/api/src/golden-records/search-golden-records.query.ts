import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../common/page.query';

/** `GET /golden-records/search`: `q` (a name, an email, a phone, a SIREN or SIRET) and/or `city`. */
export class SearchGoldenRecordsQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'q must hold at least 2 characters' })
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsIn(['person', 'organization'])
  kind?: 'person' | 'organization';

  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'city must hold at least 2 characters' })
  @MaxLength(100)
  city?: string;
}

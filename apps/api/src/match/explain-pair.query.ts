import { IsString, Matches } from 'class-validator';

const RECORD = /^[^:]+:.+$/;

/** Two stored source records, each as `<source>:<source id>`. */
export class ExplainPairQuery {
  @IsString()
  @Matches(RECORD, { message: 'left must be <source>:<source id>' })
  left: string;

  @IsString()
  @Matches(RECORD, { message: 'right must be <source>:<source id>' })
  right: string;
}

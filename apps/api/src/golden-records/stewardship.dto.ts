import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';

/** Why; the author is the signed-in caller (`by` is read only when there is none). */
class StewardAction {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  by?: string;

  @IsString()
  @MinLength(3, { message: 'reason must say why, in a few words' })
  @MaxLength(2000)
  reason: string;
}

/** One source record, by source and id. */
export class SourceRecordRefBody {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  source: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  sourceId: string;
}

export class OverrideValueBody extends StewardAction {
  /**
   * A string, true/false for emailOptIn and smsOptIn, a list of strings for email and phone
   * (checked against the attribute). Required unless `fromSourceRecord` names the record whose value to take.
   */
  @ValidateIf((body: OverrideValueBody) => body.fromSourceRecord === undefined)
  @IsDefined({ message: 'value is required, unless fromSourceRecord names the record to take it from' })
  value?: string | boolean | string[];

  /** "Choose a value": take the value this source record of the golden record holds. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceRecordRefBody)
  fromSourceRecord?: SourceRecordRefBody;
}

/** The source records a split would take out, as `<source>:<source id>`. */
export class UnmergePreviewBody {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^[^:]+:.+$/, { each: true, message: 'sourceRecords must each be <source>:<source id>' })
  sourceRecords: string[];
}

export class RemoveOverrideBody extends StewardAction {}

export class UnmergeBody extends StewardAction {
  /** The source records to take out, as `<source>:<source id>`. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^[^:]+:.+$/, { each: true, message: 'each of sourceRecords must be <source>:<source id>' })
  sourceRecords: string[];

  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  preview?: boolean;
}

export class AttachBody extends StewardAction {
  /** What the other golden record is to this one, e.g. account. */
  @IsString()
  @Matches(/^[a-z][a-zA-Z0-9-]{0,39}$/, { message: 'role must be a short lower-case name such as account' })
  role: string;

  @IsUUID()
  goldenId: string;
}

export class EraseBody extends StewardAction {}

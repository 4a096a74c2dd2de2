import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** The author, when the caller is not signed in. */
class Authored {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  by?: string;
}

export class AssignTaskBody extends Authored {
  /** The steward who takes the task; null gives it back to the queue. */
  @ValidateIf((body: AssignTaskBody) => body.assignee !== null)
  @IsString({ message: 'assignee must be a steward name or null' })
  @MinLength(1)
  @MaxLength(200)
  assignee: string | null;
}

export class CommentTaskBody extends Authored {
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(4000)
  text: string;
}

export const DECISIONS = ['merge', 'not-a-match'] as const;

export class DecideTaskBody extends Authored {
  @IsIn(DECISIONS, { message: 'decision must be merge or not-a-match' })
  decision: (typeof DECISIONS)[number];

  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'reason must say why, in a few words' })
  @MaxLength(2000)
  reason?: string;
}

export const BULK_ACTIONS = ['merge', 'not-a-match', 'assign'] as const;

export class BulkTaskBody extends Authored {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'taskIds must each be a task id (UUID)' })
  taskIds: string[];

  @IsIn(BULK_ACTIONS, { message: 'action must be merge, not-a-match or assign' })
  action: (typeof BULK_ACTIONS)[number];

  /** For `assign`: the steward, or null to unassign. */
  @ValidateIf((body: BulkTaskBody) => body.action === 'assign' && body.assignee !== null)
  @IsString({ message: 'assignee must be a steward name or null' })
  @MinLength(1)
  @MaxLength(200)
  assignee?: string | null;

  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'reason must say why, in a few words' })
  @MaxLength(2000)
  reason?: string;
}

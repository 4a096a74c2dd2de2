import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES } from './accounts';
import { Role } from './decorators';

export class LoginBody {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  username: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  password: string;
}

export class CreateUserBody {
  @IsString()
  @Matches(/^[a-zA-Z0-9][a-zA-Z0-9._@-]{1,63}$/, { message: 'username must be 2 to 64 letters, digits, dots, dashes, underscores or @' })
  username: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  /** Without one, a password is generated and returned once. */
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  password?: string;
}

export class CreateApiKeyBody {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  /** The sources whose records the key may read; absent: all. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[a-z][a-z0-9_-]*$/, { each: true, message: 'each of sources must be a source name such as erp' })
  sources?: string[];
}

export class UpdateUserBody {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true, message: `each of roles must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  /** A disabled user cannot sign in, and its tokens stop working at once. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

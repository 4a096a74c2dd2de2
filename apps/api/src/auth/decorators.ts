import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';

/**
 * Who may call what. `viewer` reads with personal data masked, `steward` reads unmasked and acts on
 * golden records and tasks, `admin` does all a steward does plus administration (audit, users, keys),
 * `system` is a machine (an ERP sync job, a downstream system) calling with an API key.
 */
export type Role = 'viewer' | 'steward' | 'admin' | 'system';

/** The authenticated caller of a request. */
export interface Principal {
  /** user name, or the API key's name */
  id: string;
  name: string;
  kind: 'person' | 'system';
  roles: Role[];
  /** for a system: the sources whose records it may read; absent means all */
  sources?: string[];
}

export const ROLES_KEY = 'mdm:roles';
export const PUBLIC_KEY = 'mdm:public';
export const PERSONAL_DATA_KEY = 'mdm:personal-data';

/** The roles allowed to call a handler (or every handler of a controller). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A handler anybody may call without credentials (health, login, the console's static files). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** A handler whose answer holds personal data: masked for viewers, audited for everyone else. */
export const PersonalData = () => SetMetadata(PERSONAL_DATA_KEY, true);
/** The authenticated caller, set on the request by the authentication guard. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal);

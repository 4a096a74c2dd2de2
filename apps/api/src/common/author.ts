import { DomainError } from '@mdm/core';
import { Principal } from '../auth/decorators';

/**
 * Who acts: the signed-in caller, else the `by` of the body (until sign-in is required). A steward
 * action with neither is refused, naming `by`.
 */
export function authorOf(user: Principal | undefined, by: string | undefined): string {
  const author = user?.id ?? by;
  if (author === undefined || author.trim() === '') {
    throw new DomainError('VALIDATION_FAILED', 'by must name the steward who acts', [{ field: 'by', message: 'name the steward who acts' }]);
  }
  return author;
}

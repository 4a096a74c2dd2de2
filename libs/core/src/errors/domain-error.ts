/**
 * Every error the domain raises carries a stable code. Adapters map codes to HTTP statuses
 * or dead-letter reasons in one place each; the domain never knows about either.
 */
export const ERROR_CODES = [
  'NOT_JSON',
  'NOT_AN_OBJECT',
  'MESSAGE_TOO_LARGE',
  'EMPTY_MESSAGE',
  'UNKNOWN_SOURCE',
  'VALIDATION_FAILED',
  'MAPPING_INVALID',
  'GOLDEN_NOT_FOUND',
  'SOURCE_RECORD_NOT_FOUND',
  'TASK_NOT_FOUND',
  'OVERRIDE_NOT_FOUND',
  'PROCESSING_FAILED',
  'TASK_CLOSED',
  'MERGE_FORBIDDEN',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'RATE_LIMITED',
  'USER_EXISTS',
  'API_KEY_NOT_FOUND',
  'USER_NOT_FOUND',
  'AUDIT_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** The field (payload path or canonical attribute) the error is about, when there is one. */
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

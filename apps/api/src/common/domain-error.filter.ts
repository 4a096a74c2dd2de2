import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Response } from 'express';
import { Logger } from 'pino';
import { DomainError, ErrorCode } from '@mdm/core';

/** The one place domain error codes become HTTP statuses. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'GOLDEN_NOT_FOUND':
    case 'SOURCE_RECORD_NOT_FOUND':
    case 'TASK_NOT_FOUND':
    case 'OVERRIDE_NOT_FOUND':
    case 'API_KEY_NOT_FOUND':
    case 'USER_NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return HttpStatus.UNAUTHORIZED;
    case 'FORBIDDEN':
      return HttpStatus.FORBIDDEN;
    case 'USER_EXISTS':
      return HttpStatus.CONFLICT;
    case 'RATE_LIMITED':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'AUDIT_UNAVAILABLE':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'NOT_JSON':
    case 'NOT_AN_OBJECT':
    case 'EMPTY_MESSAGE':
    case 'VALIDATION_FAILED':
    case 'UNKNOWN_SOURCE':
    case 'MAPPING_INVALID':
      return HttpStatus.BAD_REQUEST;
    case 'MESSAGE_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'TASK_CLOSED':
      return HttpStatus.CONFLICT;
    case 'PROCESSING_FAILED':
    case 'MERGE_FORBIDDEN':
      return HttpStatus.UNPROCESSABLE_ENTITY;
  }
}

/**
 * Every error leaves the API as `{ code, message, details? }`. Unexpected errors get an error id
 * that is logged with the stack, and nothing else about them is shown.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      response.status(httpStatusOf(error.code)).json({ code: error.code, message: error.message, details: error.details });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      if (typeof body === 'object' && body !== null && 'code' in body) {
        response.status(status).json(body);
        return;
      }
      const message = typeof body === 'object' && body !== null && 'message' in body ? (body as { message: unknown }).message : error.message;
      const details = Array.isArray(message) ? message.map((m) => ({ field: fieldOf(String(m)), message: String(m) })) : undefined;
      response.status(status).json({
        code: status === 404 ? 'NOT_FOUND' : status === 400 ? 'INVALID_REQUEST' : `HTTP_${status}`,
        message: Array.isArray(message) ? message.join('; ') : String(message),
        ...(details ? { details } : {}),
      });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ err: error, errorId }, 'unexpected API error');
    response.status(500).json({ code: 'INTERNAL_ERROR', message: 'unexpected error', errorId });
  }
}

/** The field a validation message is about: its first word, or the name in "property x should not exist". */
function fieldOf(message: string): string {
  const unknown = /^property (\S+) should not exist$/.exec(message);
  return unknown ? unknown[1] : message.split(' ')[0];
}

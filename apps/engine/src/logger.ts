import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';

/** Where secrets could appear in a log line: credentials in headers, passwords, tokens, keys. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'key',
  '*.key',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  '*["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  '*.headers.cookie',
  'databaseUrl',
  'MDM_AUTH_SECRET',
  '*.MDM_AUTH_SECRET',
  'DATABASE_URL',
  '*.DATABASE_URL',
];

/** Structured JSON logs. Values of records are never logged: only ids, counts and codes; secrets are redacted. */
export function createLogger(level: string, name = 'mdm', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: '[secret]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** Routes NestJS's own log lines to the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Structured JSON logs. Values of records are never logged: only ids, counts and codes. */
export function createLogger(level: string, name = 'mdm'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['*.password', '*.authorization', '*.apiKey', 'databaseUrl'], censor: '[secret]' },
  });
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

import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const ROLES = ['engine', 'api'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every setting the engine reads from its environment, validated at start.
 * A wrong value stops the process with a message naming the variable.
 */
export class Settings {
  /** PostgreSQL connection URL; when absent the embedded PostgreSQL under MDM_HOME is used. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'MDM_KAFKA_BROKERS must be a comma-separated list of host:port' })
  MDM_KAFKA_BROKERS = '127.0.0.1:9092';

  /** Where the embedded PostgreSQL and the local Kafka broker keep their data. */
  @IsString()
  MDM_HOME = '.mdm';

  /** Folder holding sources/*.mapping.yaml, survivorship.yaml and the other rule files. */
  @IsString()
  MDM_CONFIG_DIR = 'config';

  @Transform(({ value }) => String(value).split(',').map((r: string) => r.trim()).filter(Boolean))
  @IsIn(ROLES, { each: true, message: `MDM_ROLES must list roles among ${ROLES.join(', ')}` })
  MDM_ROLES: Role[] = ['engine', 'api'];

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_HTTP_PORT must be an integer' })
  @Min(0)
  @Max(65535)
  MDM_HTTP_PORT = 3000;

  /** Address the API listens on: loopback by default, 0.0.0.0 in a container. */
  @IsString()
  MDM_HTTP_HOST = '127.0.0.1';

  @IsString()
  MDM_CONSUMER_GROUP = 'mdm-engine';

  /** How long the group waits for a silent engine before giving its partitions to another (Kafka's session timeout). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_CONSUMER_SESSION_TIMEOUT_MS must be an integer' })
  @Min(6000, { message: 'MDM_CONSUMER_SESSION_TIMEOUT_MS must be at least 6000 (the broker refuses less by default)' })
  MDM_CONSUMER_SESSION_TIMEOUT_MS = 30000;

  /**
   * How many partitions' batches the engine takes at once. Batches taken together are stored in one
   * transaction (group commit), so a busy engine resolves many records per transaction.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_CONSUMER_CONCURRENT_PARTITIONS must be an integer' })
  @Min(1, { message: 'MDM_CONSUMER_CONCURRENT_PARTITIONS must be at least 1' })
  MDM_CONSUMER_CONCURRENT_PARTITIONS = 16;

  /**
   * Threads that prepare source messages (decoding, mapping, standardization) beside the event loop
   * that runs the transactions; 0 prepares them on that loop.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_PREPARATION_THREADS must be an integer' })
  @Min(0, { message: 'MDM_PREPARATION_THREADS must be 0 or more' })
  MDM_PREPARATION_THREADS = 1;

  /** Most source messages stored in one transaction when batches are grouped (a single larger batch still goes whole). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_MAX_MESSAGES_PER_TRANSACTION must be an integer' })
  @Min(1, { message: 'MDM_MAX_MESSAGES_PER_TRANSACTION must be at least 1' })
  MDM_MAX_MESSAGES_PER_TRANSACTION = 1000;

  /** Prefix of every topic name, so several environments can share one Kafka cluster. */
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'MDM_TOPIC_PREFIX may hold only letters, digits, dots, dashes and underscores' })
  MDM_TOPIC_PREFIX = '';

  @IsString()
  MDM_CLIENT_ID = 'mdm-engine';

  /** Source messages larger than this go to the dead-letter topic. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_MAX_MESSAGE_BYTES must be an integer' })
  @Min(1024)
  MDM_MAX_MESSAGE_BYTES = 512 * 1024;

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_TOPIC_PARTITIONS must be an integer' })
  @Min(1)
  MDM_TOPIC_PARTITIONS = 3;

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_TOPIC_REPLICATION must be an integer' })
  @Min(1)
  MDM_TOPIC_REPLICATION = 1;

  /** How often the outbox relay looks for rows to publish when it is not woken up. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_OUTBOX_POLL_MS must be an integer' })
  @Min(10)
  MDM_OUTBOX_POLL_MS = 250;

  /**
   * The engine vacuums its queue tables (the outbox, the near-name queue) after every this many rows
   * taken from each, so that reading a queue's head does not walk past the index entries of every row
   * taken since autovacuum last came (0: leave it to autovacuum).
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_QUEUE_VACUUM_ROWS must be an integer' })
  @Min(0)
  MDM_QUEUE_VACUUM_ROWS = 20000;

  /**
   * How long a published outbox row is kept, in hours (0: deleted at the relay's next purge, within
   * a minute). The topics are the log downstream systems read; the rows kept here serve to look
   * into what was published lately. Without a limit the table would grow by every change of every
   * golden record, with a copy of its values, and an erasure would have more of it to search.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_OUTBOX_RETENTION_HOURS must be an integer' })
  @Min(0)
  MDM_OUTBOX_RETENTION_HOURS = 168;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  MDM_LOG_LEVEL = 'info';

  /**
   * Secret that signs the API's session tokens (secret: never logged). When absent, one is generated
   * once and kept in MDM_HOME/auth-secret, so that a restart keeps sessions open.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'MDM_AUTH_SECRET must be at least 32 characters long' })
  MDM_AUTH_SECRET?: string;

  /** Lifetime of a session token: a number and a unit, s, m, h or d. */
  @Matches(/^[1-9]\d*[smhd]$/, { message: 'MDM_AUTH_TOKEN_TTL must be a duration such as 8h, 30m or 1d' })
  MDM_AUTH_TOKEN_TTL = '8h';

  /** Requests per minute each caller (user, API key, or address when anonymous) may make. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_RATE_LIMIT_PER_MINUTE must be an integer' })
  @Min(1)
  MDM_RATE_LIMIT_PER_MINUTE = 600;

  /** Sign-in attempts per minute from one address: the brake on password guessing. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'MDM_RATE_LIMIT_LOGIN_PER_MINUTE must be an integer' })
  @Min(1)
  MDM_RATE_LIMIT_LOGIN_PER_MINUTE = 10;
}

/** Settings that are secrets: never logged, never printed. */
export const SECRET_SETTINGS = ['DATABASE_URL', 'MDM_AUTH_SECRET'] as const;

export class SettingsError extends Error {}

/** Reads and validates the settings; throws a SettingsError naming every faulty variable. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const known = Object.keys(new Settings());
  const input: Record<string, string> = {};
  for (const name of [...known, ...SECRET_SETTINGS]) {
    const value = env[name];
    if (value !== undefined && value !== '') input[name] = value;
  }
  const settings = plainToInstance(Settings, input, { exposeDefaultValues: true });
  const errors = validateSync(settings, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')} (got ${(SECRET_SETTINGS as readonly string[]).includes(e.property) ? 'a secret value' : JSON.stringify(input[e.property])})`);
    throw new SettingsError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return settings;
}

export function brokerList(settings: Settings): string[] {
  return settings.MDM_KAFKA_BROKERS.split(',');
}

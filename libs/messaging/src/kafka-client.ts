import { Kafka, logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';

export interface KafkaLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** A kafkajs client whose log lines go to the engine's structured logger. */
export function createKafka(brokers: string[], clientId: string, logger?: KafkaLogger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 5000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (!logger) return;
      const { message, ...rest } = entry.log;
      const fields = { component: 'kafkajs', namespace: entry.namespace, ...rest };
      switch (entry.level) {
        case KafkaLogLevel.ERROR:
          return logger.error(fields, message);
        case KafkaLogLevel.WARN:
          return logger.warn(fields, message);
        case KafkaLogLevel.INFO:
          return logger.info(fields, message);
        case KafkaLogLevel.DEBUG:
        case KafkaLogLevel.NOTHING:
          return logger.debug(fields, message);
      }
    },
  });
}

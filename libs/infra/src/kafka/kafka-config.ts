import { join } from 'node:path';

export interface KafkaLayout {
  dataDir: string;
  /** KRaft metadata and topic partitions (`log.dirs`). */
  logDirs: string;
  propertiesFile: string;
  log4jFile: string;
  pidFile: string;
  /** Broker log (log4j) and the JVM's own stdout/stderr. */
  logFile: string;
}

export function kafkaLayout(dataDir: string, logFile?: string): KafkaLayout {
  return {
    dataDir,
    logDirs: join(dataDir, 'kraft-combined-logs'),
    propertiesFile: join(dataDir, 'server.properties'),
    log4jFile: join(dataDir, 'log4j.properties'),
    pidFile: join(dataDir, 'kafka.pid'),
    logFile: logFile ?? join(dataDir, 'logs', 'server.log'),
  };
}

/** java.util.Properties treats backslashes as escapes. */
const value = (v: string): string => v.replace(/\\/g, '\\\\');

/** A single combined KRaft node (broker + controller) on loopback, sized for development and tests. */
export function serverProperties(layout: KafkaLayout, port: number, controllerPort: number): string {
  return [
    '# Written by @mdm/infra on each start: single-node KRaft broker for development and tests.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${value(layout.logDirs)}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    // One node: internal topics must not ask for more replicas than exist, or groups never find a coordinator.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=10',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'delete.topic.enable=true',
    'log.retention.hours=168',
    // compacted topics are cleaned soon after a segment closes (erased data leaves the golden-record topic)
    'log.cleaner.backoff.ms=1000',
    'num.network.threads=2',
    'num.io.threads=4',
    '',
  ].join('\n');
}

/** reload4j configuration: everything to the log file, nothing to the console. */
export function log4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${value(logFile)}`,
    'log4j.appender.file.Append=true',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka=INFO',
    'log4j.logger.org.apache.kafka=INFO',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    'log4j.logger.kafka.controller=INFO',
    'log4j.logger.kafka.log.LogCleaner=WARN',
    'log4j.logger.org.apache.kafka.storage.internals.log.LogLoader=WARN',
    '',
  ].join('\n');
}

/** Reads `key=value` lines (enough for the files written above). */
export function parseProperties(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq > 0) map.set(trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim().replace(/\\\\/g, '\\'));
  }
  return map;
}

/** The client port a properties file advertises, or null. */
export function advertisedPort(text: string): number | null {
  const match = /PLAINTEXT:\/\/[^:,]+:(\d+)/.exec(parseProperties(text).get('advertised.listeners') ?? '');
  return match ? Number(match[1]) : null;
}

import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { loadRules, loadSettings } from '@mdm/settings';

/** `mdm produce --source erp --file message.json`: publishes a message on a source's topic, as the source would. */
export function registerProduceCommand(program: Command): void {
  program
    .command('produce')
    .description("publish a JSON message on a source's topic")
    .requiredOption('--source <name>', 'source name, as in config/sources/<name>.mapping.yaml')
    .option('--file <path>', 'message file (default: the source example config/sources/<name>.example.json)')
    .option('--key <key>', 'message key')
    .action(async (options: { source: string; file?: string; key?: string }) => {
      const settings = loadSettings();
      const mapping = loadRules(settings.MDM_CONFIG_DIR).mappings.find((m) => m.source === options.source);
      if (!mapping) throw new Error(`--source: no mapping for "${options.source}"`);
      const file = options.file ?? `${settings.MDM_CONFIG_DIR}/sources/${options.source}.example.json`;
      const kafka = new Kafka({ clientId: 'mdm-cli', brokers: settings.MDM_KAFKA_BROKERS.split(','), logLevel: logLevel.ERROR });
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await producer.connect();
      const topic = settings.MDM_TOPIC_PREFIX + mapping.topic;
      await producer.send({ topic, acks: -1, messages: [{ key: options.key ?? null, value: readFileSync(file) }] });
      await producer.disconnect();
      process.stdout.write(`published ${file} on ${topic}\n`);
    });
}

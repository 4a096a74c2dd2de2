import { Command } from 'commander';
import { join } from 'node:path';
import { kafkaStatus, startKafka, stopKafka } from '@mdm/infra';
import { loadSettings } from '@mdm/settings';

/** `mdm kafka start|stop|status`: the local single-node broker, for development and the demo. */
export function registerKafkaCommand(program: Command): void {
  const kafka = program.command('kafka').description('run a local Apache Kafka 3.9 broker (single-node KRaft, loopback)');
  const dataDir = () => join(loadSettings().MDM_HOME, 'kafka');
  const port = () => Number(loadSettings().MDM_KAFKA_BROKERS.split(',')[0].split(':')[1]);

  kafka
    .command('start')
    .description('start the broker in the background (MDM_KAFKA_BROKERS gives its port)')
    .action(async () => {
      const handle = await startKafka({ dataDir: dataDir(), port: port() });
      process.stdout.write(`Kafka broker running on ${handle.brokers.join(',')} (pid ${handle.pid})\n`);
    });
  kafka
    .command('stop')
    .description('stop the broker')
    .action(async () => {
      await stopKafka(dataDir());
      process.stdout.write('Kafka broker stopped\n');
    });
  kafka
    .command('status')
    .description('say whether the broker runs')
    .action(async () => {
      process.stdout.write(`${JSON.stringify(await kafkaStatus(dataDir()))}\n`);
    });
}

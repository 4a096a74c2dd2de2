import type { DatabaseHandle, KafkaHandle } from '../libs/infra/src';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as { __MDM_SERVERS__?: { kafka: KafkaHandle; database: DatabaseHandle } }).__MDM_SERVERS__;
  if (!servers) return;
  await servers.kafka.stop();
  await servers.database.stop();
}

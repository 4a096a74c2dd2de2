import { Admin, ITopicConfig } from 'kafkajs';

/** Topics the engine publishes to. Source topics come from the source mappings. */
export const TOPICS = {
  goldenParties: 'mdm.golden.parties',
  goldenEvents: 'mdm.golden.events',
  xref: 'mdm.xref',
  deadLetters: 'mdm.dlq',
  erpRequests: 'mdm.erp.requests',
} as const;

export type OutboundTopics = { [K in keyof typeof TOPICS]: string };

/** Topic names under an optional prefix, so several environments can share one cluster. */
export function outboundTopics(prefix: string): OutboundTopics {
  return {
    goldenParties: prefix + TOPICS.goldenParties,
    goldenEvents: prefix + TOPICS.goldenEvents,
    xref: prefix + TOPICS.xref,
    deadLetters: prefix + TOPICS.deadLetters,
    erpRequests: prefix + TOPICS.erpRequests,
  };
}

export interface TopicLayout {
  partitions: number;
  replication: number;
}

/** Every topic the engine needs, with its configuration: snapshots and cross-references are compacted. */
export function engineTopics(sourceTopics: string[], outbound: OutboundTopics, layout: TopicLayout): ITopicConfig[] {
  const base = { numPartitions: layout.partitions, replicationFactor: layout.replication };
  const compacted = [
    { name: 'cleanup.policy', value: 'compact' },
    { name: 'min.compaction.lag.ms', value: '60000' },
    // tombstones stay a day, so a consumer offline for less than that still sees deletions
    { name: 'delete.retention.ms', value: '86400000' },
    // an erased person's earlier snapshots are compacted away within a day: segments roll hourly and
    // no record waits more than a day to be compacted
    { name: 'segment.ms', value: '3600000' },
    { name: 'max.compaction.lag.ms', value: '86400000' },
  ];
  return [
    ...sourceTopics.map((topic) => ({ topic, ...base })),
    { topic: outbound.goldenParties, ...base, configEntries: compacted },
    { topic: outbound.xref, ...base, configEntries: compacted },
    { topic: outbound.goldenEvents, ...base, configEntries: [{ name: 'retention.ms', value: String(30 * 86400000) }] },
    // dead letters carry the original bytes: kept a week on the topic (the dead_letter table keeps
    // them for operators), and compacted too, so the tombstone an erasure publishes removes one
    {
      topic: outbound.deadLetters,
      ...base,
      configEntries: [
        { name: 'cleanup.policy', value: 'compact,delete' },
        { name: 'retention.ms', value: String(7 * 86400000) },
        { name: 'segment.ms', value: '3600000' },
        { name: 'max.compaction.lag.ms', value: '86400000' },
      ],
    },
    { topic: outbound.erpRequests, ...base, configEntries: [{ name: 'retention.ms', value: String(30 * 86400000) }] },
  ];
}

/** Creates the missing topics and waits for their leaders; existing topics are left as they are. */
export async function ensureTopics(admin: Admin, topics: ITopicConfig[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  }
  return missing.map((t) => t.topic);
}

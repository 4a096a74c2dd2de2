/**
 * The engine's promises, checked on what an independent reader observed: the source topics as the
 * broker holds them, the dead-letter topic, the golden-event topic, and the stored tables read with
 * plain SQL. Nothing here trusts the engine's own counters.
 */

/** A source record's identity. */
export interface RecordRef {
  source: string;
  sourceId: string;
}

/** One message the broker acknowledged on a source topic. */
export interface ObservedMessage {
  /** `<topic>:<partition>:<offset>`, the key the dead-letter topic uses. */
  position: string;
  /** The records the message describes, or null when it does not decode into records (it must then be a dead letter). */
  records: RecordRef[] | null;
}

export interface ObservedGolden {
  id: string;
  status: string;
  sources: RecordRef[];
}

/** A golden change: a version in the history, an outbox row, or an event read back from the topic. */
export interface GoldenVersionRef {
  goldenId: string;
  version: number;
}

export interface ObservedState {
  messages: ObservedMessage[];
  /** Positions read back from the dead-letter topic. */
  deadLetters: string[];
  xref: (RecordRef & { goldenId: string })[];
  golden: ObservedGolden[];
  /** Source records that were erased: they are accounted for without a golden record. */
  erased: RecordRef[];
  history: GoldenVersionRef[];
  /** Event rows written to the outbox. */
  outboxEvents: GoldenVersionRef[];
  /** Events read back from the golden-event topic (at-least-once: repeats are allowed). */
  publishedEvents: GoldenVersionRef[];
}

export type InvariantName =
  | 'accepted-record-lost'
  | 'record-in-two-golden-records'
  | 'record-linked-to-inactive-golden'
  | 'golden-members-disagree-with-xref'
  | 'change-without-outbox-row'
  | 'change-with-several-outbox-rows'
  | 'change-not-published';

export interface Violation {
  invariant: InvariantName;
  /** A position, a record (`source:sourceId`) or a golden change (`goldenId@version`); ids only, never values. */
  subject: string;
  detail: string;
}

export interface InvariantReport {
  ok: boolean;
  counts: { messages: number; deadLetters: number; records: number; goldenRecords: number; changes: number };
  violations: Violation[];
}

const refKey = (r: RecordRef) => `${r.source}:${r.sourceId}`;
const versionKey = (v: GoldenVersionRef) => `${v.goldenId}@${v.version}`;

function tally(refs: GoldenVersionRef[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ref of refs) counts.set(versionKey(ref), (counts.get(versionKey(ref)) ?? 0) + 1);
  return counts;
}

/**
 * Checks that every acknowledged message is in exactly one golden record or in the dead-letter
 * topic, that no source record belongs to two golden records, and that every committed golden change
 * has exactly one outbox row and was published at least once.
 */
export function checkInvariants(state: ObservedState): InvariantReport {
  const violations: Violation[] = [];
  const deadLetters = new Set(state.deadLetters);
  const erased = new Set(state.erased.map(refKey));
  const xref = new Map<string, string>();
  for (const link of state.xref) xref.set(refKey(link), link.goldenId);
  const goldenById = new Map(state.golden.map((g) => [g.id, g]));

  // every record of every accepted message is linked (or erased); a message that is not accepted is a dead letter
  const records = new Set<string>();
  for (const message of state.messages) {
    if (deadLetters.has(message.position)) continue;
    if (message.records === null) {
      violations.push({ invariant: 'accepted-record-lost', subject: message.position, detail: 'does not decode into records and is not in the dead-letter topic' });
      continue;
    }
    for (const record of message.records) {
      const key = refKey(record);
      records.add(key);
      if (erased.has(key)) continue;
      const goldenId = xref.get(key);
      if (goldenId === undefined) {
        violations.push({ invariant: 'accepted-record-lost', subject: message.position, detail: `record ${key} is in no golden record and the message is not a dead letter` });
      } else if (goldenById.get(goldenId)?.status !== 'active') {
        violations.push({ invariant: 'record-linked-to-inactive-golden', subject: key, detail: `linked to ${goldenId}, which is ${goldenById.get(goldenId)?.status ?? 'missing'}` });
      }
    }
  }

  // membership: each record in at most one active golden record, and that one is the record's cross-reference
  const memberOf = new Map<string, string>();
  for (const golden of state.golden) {
    if (golden.status !== 'active') continue;
    for (const member of golden.sources) {
      const key = refKey(member);
      const other = memberOf.get(key);
      if (other !== undefined) {
        violations.push({ invariant: 'record-in-two-golden-records', subject: key, detail: `member of ${other} and ${golden.id}` });
        continue;
      }
      memberOf.set(key, golden.id);
      if (xref.get(key) !== golden.id) {
        violations.push({ invariant: 'golden-members-disagree-with-xref', subject: key, detail: `member of ${golden.id}, cross-referenced to ${xref.get(key) ?? 'nothing'}` });
      }
    }
  }
  for (const [key, goldenId] of xref) {
    if (!erased.has(key) && goldenById.get(goldenId)?.status === 'active' && memberOf.get(key) !== goldenId) {
      violations.push({ invariant: 'golden-members-disagree-with-xref', subject: key, detail: `cross-referenced to ${goldenId}, which does not list it` });
    }
  }

  // every committed change: one outbox event row, at least one published event
  const outbox = tally(state.outboxEvents);
  const published = tally(state.publishedEvents);
  for (const change of state.history) {
    const key = versionKey(change);
    const rows = outbox.get(key) ?? 0;
    if (rows === 0) violations.push({ invariant: 'change-without-outbox-row', subject: key, detail: 'a history version with no event in the outbox' });
    else if (rows > 1) violations.push({ invariant: 'change-with-several-outbox-rows', subject: key, detail: `${rows} event rows in the outbox` });
    if ((published.get(key) ?? 0) === 0) violations.push({ invariant: 'change-not-published', subject: key, detail: 'no event on the golden-event topic' });
  }

  return {
    ok: violations.length === 0,
    counts: {
      messages: state.messages.length,
      deadLetters: deadLetters.size,
      records: records.size,
      goldenRecords: state.golden.filter((g) => g.status === 'active').length,
      changes: state.history.length,
    },
    violations,
  };
}

/** A golden state reduced to what must not depend on timing: which records are together, and their values. */
export interface GoldenStateDigest {
  /** cluster key (sorted member keys) → attribute values */
  clusters: Map<string, unknown>;
}

export function digestGoldenState(golden: (ObservedGolden & { attributes: unknown })[]): GoldenStateDigest {
  const clusters = new Map<string, unknown>();
  for (const g of golden) {
    if (g.status !== 'active') continue;
    clusters.set(g.sources.map(refKey).sort().join(' '), g.attributes);
  }
  return { clusters };
}

/** The differences between a live state and the state a single-threaded replay of the same input produced. */
export function compareGoldenStates(live: GoldenStateDigest, replay: GoldenStateDigest): string[] {
  const differences: string[] = [];
  for (const [members, attributes] of live.clusters) {
    if (!replay.clusters.has(members)) differences.push(`live cluster [${members}] does not exist in the replay`);
    else if (stableJson(replay.clusters.get(members)) !== stableJson(attributes)) differences.push(`cluster [${members}] has other values in the replay`);
  }
  for (const members of replay.clusters.keys()) {
    if (!live.clusters.has(members)) differences.push(`replay cluster [${members}] does not exist live`);
  }
  return differences;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

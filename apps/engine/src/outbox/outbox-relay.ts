import { failpoint, outboxPurged } from '@mdm/observability';
import { Producer } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { OutboxStore, QueueUpkeep } from '@mdm/persistence';
import { Logger } from 'pino';
import { Wakeup } from '../wakeup';

/** Any constant shared by every engine instance: the session lock that elects the one relay. */
const RELAY_LOCK = 7_301_842_001;

export interface OutboxRelayOptions {
  pollMs: number;
  batchSize?: number;
  /** Vacuums the outbox after every this many rows published or purged (0: never); see `QueueUpkeep`. */
  vacuumEveryRows?: number;
  /** How long a published row is kept before the relay deletes it (default: for ever). */
  retentionMs?: number;
}

const DEFAULT_BATCH = 500;
/** The relay deletes the rows past their retention at most this often, and when it becomes the relay. */
const PURGE_EVERY_MS = 60_000;
/** Rows deleted per statement: a purge of a long backlog holds no lock for long. */
const PURGE_CHUNK = 5000;
/**
 * Statements of one purge: a longer backlog (the first start with a retention on a large outbox)
 * is deleted over the next cycles, publication going on in between.
 */
const PURGE_CHUNKS_PER_CYCLE = 4;

/**
 * Publishes outbox rows to Kafka in id order, then marks them published. One relay runs at a time
 * across instances (a PostgreSQL session lock), so per-key order is the commit order. A crash between
 * send and mark republishes: consumers deduplicate on the event id, and snapshots are idempotent.
 * Once a minute, the relay deletes the rows published more than `retentionMs` ago.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly wakeup = new Wakeup();
  private published = 0;
  private purgedAt = 0;
  private readonly upkeep: QueueUpkeep;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions,
  ) {
    this.upkeep = new QueueUpkeep('outbox', options.vacuumEveryRows ?? 0, (error) => this.logger.warn({ err: error }, 'outbox vacuum failed'));
  }

  get publishedCount(): number {
    return this.published;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Tells the relay that rows were just committed. */
  wake(): void {
    this.wakeup.wake();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    let runner: QueryRunner | null = null;
    let leader = false;
    const release = async () => {
      if (!runner) return;
      await runner.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
      await runner.release().catch(() => undefined);
      runner = null;
      leader = false;
    };
    while (this.running) {
      try {
        if (!runner) {
          runner = this.dataSource.createQueryRunner();
          await runner.connect();
        }
        if (!leader) {
          const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RELAY_LOCK]);
          leader = locked;
        }
        if (!leader) {
          await this.pause();
          continue;
        }
        // drain what is pending before waiting again; a batch short of full read every row that
        // was committed, and a commit since then has woken the relay (the next wait returns at once)
        while (this.running && (await this.publishBatch(runner)) === (this.options.batchSize ?? DEFAULT_BATCH)) {
          // more may be pending
        }
        if (Date.now() - this.purgedAt >= PURGE_EVERY_MS) await this.purge(runner);
        await this.pause();
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay cycle failed; retrying');
        await release();
        // a relay that becomes the relay again purges first
        this.purgedAt = 0;
        await this.pause(1000);
      }
    }
    await release();
  }

  private async publishBatch(runner: QueryRunner): Promise<number> {
    const store = new OutboxStore(runner.manager);
    const started = Date.now();
    const rows = await store.pending(this.options.batchSize ?? DEFAULT_BATCH);
    if (rows.length === 0) return 0;
    const read = Date.now();
    const byTopic = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byTopic.get(row.topic);
      if (list) list.push(row);
      else byTopic.set(row.topic, [row]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
      })),
    });
    const sent = Date.now();
    failpoint('outbox.after-send');
    await store.markPublished(
      rows.map((r) => r.id),
      new Date(),
    );
    this.published += rows.length;
    this.logger.debug({ rows: rows.length, readMs: read - started, sentMs: sent - read, markedMs: Date.now() - sent }, 'outbox published');
    const marked = Date.now();
    const vacuumed = await this.upkeep.taken(rows.length, (sql) => runner.query(sql));
    if (vacuumed) this.logger.debug({ ms: Date.now() - marked }, 'outbox vacuumed');
    return rows.length;
  }

  /**
   * Deletes rows published before the retention, in chunks, between two publications; when more
   * are left than one cycle deletes, the next cycle goes on.
   */
  private async purge(runner: QueryRunner): Promise<void> {
    this.purgedAt = Date.now();
    const retention = this.options.retentionMs;
    if (retention === undefined || !Number.isFinite(retention)) return;
    const before = new Date(Date.now() - retention);
    const store = new OutboxStore(runner.manager);
    let purged = 0;
    for (let chunk = 0; chunk < PURGE_CHUNKS_PER_CYCLE; chunk++) {
      const n = await store.purgePublished(before, PURGE_CHUNK);
      purged += n;
      if (n < PURGE_CHUNK) break;
      // more left: the next cycle purges again
      if (chunk === PURGE_CHUNKS_PER_CYCLE - 1) this.purgedAt = 0;
    }
    if (purged === 0) return;
    outboxPurged.inc(purged);
    this.logger.info({ rows: purged, publishedBefore: before.toISOString() }, 'published outbox rows past their retention deleted');
    await this.upkeep.taken(purged, (sql) => runner.query(sql));
  }

  private pause(ms = this.options.pollMs): Promise<void> {
    return this.wakeup.wait(ms);
  }
}

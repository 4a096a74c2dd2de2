import { EntityManager } from 'typeorm';

export interface OutboxMessage {
  topic: string;
  key: string | null;
  /** null publishes a tombstone. */
  value: Buffer | null;
  headers?: Record<string, string>;
}

export interface PendingOutboxRow extends OutboxMessage {
  id: string;
}

/** Messages written in the same transaction as the change they announce, published later by the relay. */
export class OutboxStore {
  constructor(private readonly db: EntityManager) {}

  /** Appends messages in one round trip; their ids follow the order given (the relay publishes in id order). */
  async add(messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.db.query(
      `INSERT INTO outbox (topic, message_key, value, headers)
       SELECT t.topic, t.message_key, v.value, t.headers
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (topic text, message_key text, headers jsonb)) WITH ORDINALITY AS t
         JOIN unnest($2::bytea[]) WITH ORDINALITY AS v(value, n) ON v.n = t.ordinality
        ORDER BY t.ordinality`,
      [JSON.stringify(messages.map((m) => ({ topic: m.topic, message_key: m.key, headers: m.headers ?? {} }))), messages.map((m) => m.value)],
    );
  }

  /**
   * Unpublished rows in id order. Reading "published_at IS NULL" rather than "id > last seen" means a
   * row whose transaction commits after a later id was published is still picked up.
   */
  async pending(limit: number): Promise<PendingOutboxRow[]> {
    const rows: { id: string; topic: string; message_key: string | null; value: Buffer | null; headers: Record<string, string> }[] =
      await this.db.query(
        `SELECT id, topic, message_key, value, headers FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({ id: String(r.id), topic: r.topic, key: r.message_key, value: r.value, headers: r.headers }));
  }

  async markPublished(ids: string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.db.query(`UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])`, [ids, at]);
  }

  /**
   * Deletes up to `limit` rows published before `before`, the oldest first, and returns how many.
   * Only the head of the table goes: of its first `limit` rows, those below the first one still to
   * keep (unpublished, or published since `before`). The relay publishes in id order, so those are
   * the old ones, and a call reads the first `limit` rows only, however long the table or the backlog.
   * A row that is still unpublished holds back every later one; it is what the relay publishes next.
   */
  async purgePublished(before: Date, limit: number): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      `WITH head AS MATERIALIZED (SELECT id, published_at FROM outbox ORDER BY id LIMIT $2),
       purged AS (
         DELETE FROM outbox WHERE id IN (
           SELECT id FROM head
            WHERE id < coalesce((SELECT min(id) FROM head WHERE published_at IS NULL OR published_at >= $1), 9223372036854775807))
         RETURNING 1)
       SELECT count(*)::int AS n FROM purged`,
      [before, limit],
    );
    return n;
  }
}

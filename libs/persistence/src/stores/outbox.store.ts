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

  async add(messages: OutboxMessage[]): Promise<void> {
    for (const m of messages) {
      await this.db.query(`INSERT INTO outbox (topic, message_key, value, headers) VALUES ($1, $2, $3, $4)`, [
        m.topic,
        m.key,
        m.value,
        JSON.stringify(m.headers ?? {}),
      ]);
    }
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
}

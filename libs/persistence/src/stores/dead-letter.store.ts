import { EntityManager } from 'typeorm';

export interface DeadLetterRow {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  errorCode: string;
  errorMessage: string;
  receivedAt: Date;
}

export class DeadLetterStore {
  constructor(private readonly db: EntityManager) {}

  /** Stores a dead letter once per source position; returns false when it was already stored. */
  async add(row: DeadLetterRow): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO dead_letter (kafka_topic, kafka_partition, kafka_offset, message_key, value, headers, error_code, error_message, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT uq_dead_letter_position DO NOTHING RETURNING id`,
      [row.topic, row.partition, row.offset, row.key, row.value, JSON.stringify(row.headers), row.errorCode, row.errorMessage, row.receivedAt],
    );
    return inserted.length > 0;
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'source_record' })
export class SourceRecordEntity {
  @PrimaryColumn({ type: 'text' }) source: string;
  @PrimaryColumn({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ type: 'text' }) entity: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'bytea' }) payload: Buffer;
  @Column({ type: 'jsonb' }) attributes: Record<string, unknown>;
  @Column({ type: 'jsonb' }) standardized: Record<string, unknown>;
  @Column({ type: 'jsonb' }) findings: unknown[];
  @Column({ name: 'match_keys', type: 'text', array: true }) matchKeys: string[];
  @Column({ type: 'jsonb' }) links: Record<string, string>;
  @Column({ name: 'source_updated_at', type: 'timestamptz', nullable: true }) sourceUpdatedAt: Date | null;
  @Column({ name: 'payload_hash', type: 'text' }) payloadHash: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'kafka_topic', type: 'text', nullable: true }) kafkaTopic: string | null;
  @Column({ name: 'kafka_partition', type: 'integer', nullable: true }) kafkaPartition: number | null;
  @Column({ name: 'kafka_offset', type: 'bigint', nullable: true }) kafkaOffset: string | null;
  @Column({ type: 'integer' }) revision: number;
  @Column({ name: 'match_record', type: 'jsonb' }) matchRecord: Record<string, unknown>;
}

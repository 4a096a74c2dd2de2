import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'dead_letter' })
export class DeadLetterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'kafka_topic', type: 'text' }) kafkaTopic: string;
  @Column({ name: 'kafka_partition', type: 'integer' }) kafkaPartition: number;
  @Column({ name: 'kafka_offset', type: 'bigint' }) kafkaOffset: string;
  @Column({ name: 'message_key', type: 'bytea', nullable: true }) messageKey: Buffer | null;
  @Column({ type: 'bytea', nullable: true }) value: Buffer | null;
  @Column({ type: 'jsonb' }) headers: Record<string, string>;
  @Column({ name: 'error_code', type: 'text' }) errorCode: string;
  @Column({ name: 'error_message', type: 'text' }) errorMessage: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}

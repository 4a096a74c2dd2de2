import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'golden_history' })
export class GoldenHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'golden_id', type: 'uuid' }) goldenId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'change_type', type: 'text' }) changeType: string;
  @Column({ name: 'changed_fields', type: 'text', array: true }) changedFields: string[];
  @Column({ type: 'jsonb' }) cause: Record<string, unknown>;
  @Column({ type: 'jsonb' }) attributes: Record<string, unknown>;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'golden_record' })
export class GoldenRecordEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) status: 'active' | 'merged' | 'erased';
  @Column({ name: 'merged_into', type: 'uuid', nullable: true }) mergedInto: string | null;
  @Column({ type: 'jsonb' }) attributes: Record<string, unknown>;
  @Column({ type: 'jsonb' }) lineage: Record<string, unknown>;
  @Column({ type: 'jsonb' }) sources: { source: string; sourceId: string }[];
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

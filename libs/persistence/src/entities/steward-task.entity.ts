import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Something a data steward must decide: a possible match, a duplicate inside the ERP, a customer the ERP cannot take yet. */
@Entity({ name: 'steward_task' })
export class StewardTaskEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'integer' }) priority: number;
  @Column({ type: 'text', nullable: true }) source: string | null;
  @Column({ name: 'source_id', type: 'text', nullable: true }) sourceId: string | null;
  @Column({ name: 'golden_id', type: 'uuid', nullable: true }) goldenId: string | null;
  @Column({ name: 'candidate_golden_id', type: 'uuid', nullable: true }) candidateGoldenId: string | null;
  @Column({ name: 'candidate_source', type: 'text', nullable: true }) candidateSource: string | null;
  @Column({ name: 'candidate_source_id', type: 'text', nullable: true }) candidateSourceId: string | null;
  @Column({ type: 'double precision', nullable: true }) probability: number | null;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) resolution: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) assignee: string | null;
}

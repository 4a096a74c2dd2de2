import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A steward's decision on a pair of source records (stored in one order: left < right), never overridden by matching. */
@Entity({ name: 'match_decision' })
export class MatchDecisionEntity {
  @PrimaryColumn({ name: 'left_source', type: 'text' }) leftSource: string;
  @PrimaryColumn({ name: 'left_source_id', type: 'text' }) leftSourceId: string;
  @PrimaryColumn({ name: 'right_source', type: 'text' }) rightSource: string;
  @PrimaryColumn({ name: 'right_source_id', type: 'text' }) rightSourceId: string;
  @Column({ type: 'text' }) decision: string;
  @Column({ name: 'decided_by', type: 'text' }) decidedBy: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz' }) decidedAt: Date;
}

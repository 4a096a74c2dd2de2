import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'xref' })
export class XrefEntity {
  @PrimaryColumn({ type: 'text' }) source: string;
  @PrimaryColumn({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ name: 'golden_id', type: 'uuid' }) goldenId: string;
  @Column({ name: 'linked_at', type: 'timestamptz' }) linkedAt: Date;
}

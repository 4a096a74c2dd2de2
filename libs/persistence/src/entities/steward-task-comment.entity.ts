import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A steward's comment on a task. */
@Entity({ name: 'steward_task_comment' })
export class StewardTaskCommentEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @Column({ type: 'text' }) author: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

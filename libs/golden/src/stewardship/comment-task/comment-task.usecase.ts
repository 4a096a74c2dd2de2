import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { StewardTaskStore, inTransaction } from '@mdm/persistence';

export interface CommentTaskCommand {
  taskId: string;
  text: string;
  by: string;
}

export interface TaskComment {
  id: string;
  taskId: string;
  author: string;
  text: string;
  createdAt: Date;
}

/** A steward writes a comment on a task (open or closed): what they checked, whom they asked. */
export class CommentTaskUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(command: CommentTaskCommand, now = new Date()): Promise<TaskComment> {
    return inTransaction(this.dataSource, async (db) => {
      const tasks = new StewardTaskStore(db);
      const task = await tasks.lockTask(command.taskId);
      if (!task) throw new DomainError('TASK_NOT_FOUND', `no task ${command.taskId}`);
      const comment = { id: randomUUID(), taskId: task.id, author: command.by, text: command.text, at: now };
      await tasks.addComment(comment);
      return { id: comment.id, taskId: task.id, author: command.by, text: command.text, createdAt: now };
    });
  }
}

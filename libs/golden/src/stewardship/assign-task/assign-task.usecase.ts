import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { StewardTaskStore, inTransaction } from '@mdm/persistence';

export interface AssignTaskCommand {
  taskId: string;
  /** The steward who takes the task; null gives it back to the queue. */
  assignee: string | null;
  by: string;
}

/** A task is given to a steward (or back to the queue). Only an open task can be assigned. */
export class AssignTaskUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(command: AssignTaskCommand, now = new Date()): Promise<{ taskId: string; assignee: string | null }> {
    return inTransaction(this.dataSource, async (db) => {
      const tasks = new StewardTaskStore(db);
      const task = await tasks.lockTask(command.taskId);
      if (!task) throw new DomainError('TASK_NOT_FOUND', `no task ${command.taskId}`);
      if (task.status !== 'open') throw new DomainError('TASK_CLOSED', `task ${task.id} is ${task.status}: it cannot be assigned`, [{ field: 'assignee', message: `the task is ${task.status}` }]);
      await tasks.assign(task.id, command.assignee, now);
      return { taskId: task.id, assignee: command.assignee };
    });
  }
}

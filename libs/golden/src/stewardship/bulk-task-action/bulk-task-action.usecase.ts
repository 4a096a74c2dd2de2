import { DataSource } from 'typeorm';
import { ErrorCode, isDomainError } from '@mdm/core';
import { AssignTaskUseCase } from '../assign-task/assign-task.usecase';
import { DecideMatchUseCase, DecisionMatching } from '../decide-match/decide-match.usecase';
import { StewardOptions } from '../steward-context';

export interface BulkTaskActionCommand {
  taskIds: string[];
  action: 'merge' | 'not-a-match' | 'assign';
  /** For `assign`: the steward, or null to unassign. */
  assignee?: string | null;
  reason?: string;
  by: string;
}

export interface BulkTaskResult {
  id: string;
  ok: boolean;
  /** The error code when it failed (TASK_NOT_FOUND, TASK_CLOSED, MERGE_FORBIDDEN…). */
  code?: ErrorCode;
  message?: string;
}

/**
 * The same action on many tasks, each in its own transaction, in the order given: one task that
 * fails (closed meanwhile, a merge a rule forbids) does not stop the others. An unexpected error
 * (the database is down) stops the run and is raised.
 */
export class BulkTaskActionUseCase {
  private readonly decide: DecideMatchUseCase;
  private readonly assign: AssignTaskUseCase;

  constructor(dataSource: DataSource, options: StewardOptions, matching: DecisionMatching) {
    this.decide = new DecideMatchUseCase(dataSource, options, matching);
    this.assign = new AssignTaskUseCase(dataSource);
  }

  async execute(command: BulkTaskActionCommand): Promise<{ items: BulkTaskResult[] }> {
    const items: BulkTaskResult[] = [];
    for (const id of command.taskIds) {
      try {
        if (command.action === 'assign') await this.assign.execute({ taskId: id, assignee: command.assignee ?? null, by: command.by });
        else await this.decide.execute({ taskId: id, decision: command.action, reason: command.reason, by: command.by });
        items.push({ id, ok: true });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        items.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    return { items };
  }
}

import { DataSource } from 'typeorm';
import { DomainError } from '@mdm/core';
import { RelationshipStore, ResolutionStore, inTransaction } from '@mdm/persistence';
import { lockActiveGolden } from './steward-context';

export interface AttachCommand {
  /** The golden record that gets the relationship (a lead or a contact). */
  goldenId: string;
  /** What the other one is to it, e.g. `account`. */
  role: string;
  /** The other golden record (an account). */
  targetGoldenId: string;
  by: string;
  reason: string;
}

/**
 * A steward attaches one golden record to another (a qualified lead to its company's account).
 * The relationship follows merges of either side; sources' own links (a CRM contact's account)
 * need no steward.
 */
export class AttachUseCase {
  constructor(private readonly dataSource: DataSource) {}

  execute(command: AttachCommand, now = new Date()): Promise<{ goldenId: string; role: string; targetGoldenId: string }> {
    return inTransaction(this.dataSource, async (db) => {
      const store = new ResolutionStore(db);
      // lock in id order, so two stewards attaching the same pair the other way round never deadlock
      const ids = [command.goldenId, command.targetGoldenId];
      const locked = new Map<string, Awaited<ReturnType<typeof lockActiveGolden>>>();
      for (const id of [...ids].sort()) locked.set(id, await lockActiveGolden(store, id));
      const from = locked.get(command.goldenId)!;
      const to = locked.get(command.targetGoldenId)!;
      if (from.id === to.id) {
        throw new DomainError('VALIDATION_FAILED', 'a golden record cannot be attached to itself', [{ field: 'goldenId', message: 'names the same golden record' }]);
      }
      await new RelationshipStore(db).attach(from.id, command.role, to.id, command.by, command.reason, now);
      return { goldenId: from.id, role: command.role, targetGoldenId: to.id };
    });
  }
}

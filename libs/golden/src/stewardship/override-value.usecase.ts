import { AttributeName, DomainError, StewardOverride, overrideProblems } from '@mdm/core';
import { GoldenRow, OutboxMessage, OutboxStore, ResolutionStore, inTransaction } from '@mdm/persistence';
import { DataSource } from 'typeorm';
import { GoldenWriter } from '../golden-writer';
import { StewardOptions, lockActiveGolden } from './steward-context';

export interface OverrideValueCommand {
  goldenId: string;
  attribute: AttributeName;
  value: StewardOverride['value'];
  /** The steward. */
  by: string;
  reason: string;
}

/** "Choose a value": override with the value one member record holds (its standardized value). */
export interface ChooseValueCommand {
  goldenId: string;
  attribute: AttributeName;
  fromSourceRecord: { source: string; sourceId: string };
  by: string;
  reason: string;
}

export interface RemoveOverrideCommand {
  goldenId: string;
  attribute: AttributeName;
  by: string;
  reason: string;
}

/**
 * A steward chooses the value of one attribute of a golden record: it wins over every
 * survivorship rule and survives every recomputation until removed. The golden record is
 * recomputed and published in the same transaction.
 */
export class OverrideValueUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StewardOptions,
  ) {}

  async set(command: OverrideValueCommand): Promise<GoldenRow> {
    const now = this.options.now?.() ?? new Date();
    const override: StewardOverride = { attribute: command.attribute, value: command.value, by: command.by, reason: command.reason, at: now.toISOString() };
    const problems = overrideProblems(override);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    return this.apply(command.goldenId, now, { steward: command.by, action: 'override', reason: command.reason }, (store, id) => store.setOverride(id, override));
  }

  /**
   * The steward picks the value of one of the golden record's source records: an override with
   * that record's standardized value (it stays even if the record changes later).
   */
  async choose(command: ChooseValueCommand): Promise<GoldenRow> {
    const now = this.options.now?.() ?? new Date();
    const { source, sourceId } = command.fromSourceRecord;
    return this.apply(command.goldenId, now, { steward: command.by, action: 'override', reason: command.reason }, async (store, id) => {
      const member = (await store.loadMembers(id)).find((m) => m.source === source && m.sourceId === sourceId);
      if (!member) {
        throw new DomainError('VALIDATION_FAILED', `${source}:${sourceId} is not a source record of golden record ${id}`, [{ field: 'fromSourceRecord', message: 'not a source record of this golden record' }]);
      }
      const value = member.attributes[command.attribute] as StewardOverride['value'] | undefined;
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
        throw new DomainError('VALIDATION_FAILED', `${source}:${sourceId} has no ${command.attribute}`, [{ field: 'fromSourceRecord', message: `holds no ${command.attribute}` }]);
      }
      const override: StewardOverride = { attribute: command.attribute, value, by: command.by, reason: command.reason, at: now.toISOString() };
      const problems = overrideProblems(override);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
      await store.setOverride(id, override);
    });
  }

  async remove(command: RemoveOverrideCommand): Promise<GoldenRow> {
    const now = this.options.now?.() ?? new Date();
    return this.apply(command.goldenId, now, { steward: command.by, action: 'remove-override', reason: command.reason }, async (store, id) => {
      if (!(await store.removeOverride(id, command.attribute))) {
        throw new DomainError('OVERRIDE_NOT_FOUND', `golden record ${id} has no override of ${command.attribute}`, [{ field: 'attribute', message: 'no override of this attribute' }]);
      }
    });
  }

  private apply(
    goldenId: string,
    now: Date,
    cause: { steward: string; action: 'override' | 'remove-override'; reason: string },
    change: (store: ResolutionStore, id: string) => Promise<void>,
  ): Promise<GoldenRow> {
    return inTransaction(this.dataSource, async (db) => {
      const store = new ResolutionStore(db);
      const golden = await lockActiveGolden(store, goldenId);
      await change(store, golden.id);
      const outbox: OutboxMessage[] = [];
      const { saved } = await new GoldenWriter(db, this.options, outbox).recompute(golden, { type: 'golden.updated', cause }, now);
      await new OutboxStore(db).add(outbox);
      return saved ?? golden;
    });
  }
}

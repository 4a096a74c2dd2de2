import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AttributeName,
  ChangeCause,
  CompletenessProfile,
  ErpSyncPolicy,
  GoldenEventType,
  GoldenValues,
  PartyKind,
  SurvivorshipPolicy,
  changedAttributes,
  computeGoldenValues,
  decideErpSync,
} from '@mdm/core';
import { ErpSyncRow, ErpSyncStore, GoldenRow, HistoryEntry, OutboxMessage, ResolutionStore } from '@mdm/persistence';
import { OutboundTopics } from '@mdm/messaging';
import { erpRequestMessage, eventMessage, snapshotMessage } from './publication';

export interface GoldenChange {
  type: GoldenEventType;
  cause: ChangeCause;
  /** golden.merged: the ids merged into this one. */
  mergedIds?: string[];
  /** golden.unmerged: the golden records split out of this one. */
  splitInto?: string[];
}

/** What every writer of golden records needs besides the transaction. */
export interface GoldenRules {
  topics: OutboundTopics;
  survivorship: SurvivorshipPolicy;
  /** ERP synchronisation; absent, no creation request is ever made. */
  erp?: { policy: ErpSyncPolicy; profiles: CompletenessProfile[] };
}

/**
 * Recomputes a golden record from its member records and its steward overrides, and writes the
 * result on the caller's transaction: a new version, its history entry, the snapshot and event for
 * the outbox, and what the change means for the ERP. The one path every change takes (ingestion,
 * steward actions), so lineage, history, messages and ERP requests never disagree.
 */
export class GoldenWriter {
  private readonly store: ResolutionStore;

  constructor(
    private readonly db: EntityManager,
    private readonly rules: GoldenRules,
    private readonly outbox: OutboxMessage[],
  ) {
    this.store = new ResolutionStore(db);
  }

  /** Returns the attributes that changed and the saved row (null when nothing was written). */
  async recompute(target: GoldenRow, change: GoldenChange, now: Date): Promise<{ changed: AttributeName[]; saved: GoldenRow | null }> {
    return (await this.recomputeMany([{ target, change }], now))[0];
  }

  /**
   * Recomputes many golden records (each once) with a fixed number of round trips: members,
   * overrides and ERP states read together, versions, history and the `components` given (the link
   * components of golden records, recomputed or not) written together. Results follow the order given.
   */
  async recomputeMany(
    items: { target: GoldenRow; change: GoldenChange }[],
    now: Date,
    components: { goldenId: string; component: string }[] = [],
  ): Promise<{ changed: AttributeName[]; saved: GoldenRow | null }[]> {
    const ids = items.map((i) => i.target.id);
    if (new Set(ids).size !== ids.length) throw new Error('a golden record given twice to one recomputation');
    const { members, overrides, erp } = await this.store.loadRecomputation(ids, { erp: this.rules.erp !== undefined });
    const results: { changed: AttributeName[]; saved: GoldenRow | null }[] = [];
    const saves: { id: string; values: GoldenValues; version: number }[] = [];
    const history: HistoryEntry[] = [];
    const savedRows: GoldenRow[] = [];
    for (const { target, change } of items) {
      const values = computeGoldenValues(target.kind, members.get(target.id)!, this.rules.survivorship, overrides.get(target.id)!);
      const changed = changedAttributes(target.attributes, values.attributes);
      const sourcesChanged = JSON.stringify(values.sources) !== JSON.stringify(target.sources);
      // a new version of a source record that changes no value is no news for downstream systems; a
      // steward's action always is (an override of a value by the same value still changes who owns it)
      const fromSource = 'source' in change.cause;
      if (change.type === 'golden.updated' && fromSource && changed.length === 0 && !sourcesChanged) {
        results.push({ changed, saved: null });
        continue;
      }
      const version = target.version + 1;
      const saved: GoldenRow = { ...target, ...values, version, updatedAt: now };
      saves.push({ id: target.id, values, version });
      history.push({ goldenId: target.id, version, changeType: change.type, changedFields: changed, cause: change.cause, attributes: values.attributes, at: now });
      this.outbox.push(snapshotMessage(this.rules.topics, saved));
      this.outbox.push(
        eventMessage(this.rules.topics, {
          type: change.type,
          goldenId: target.id,
          kind: target.kind as PartyKind,
          version,
          changedFields: changed,
          cause: change.cause,
          at: now,
          ...(change.mergedIds ? { mergedIds: change.mergedIds } : {}),
          ...(change.splitInto ? { splitInto: change.splitInto } : {}),
        }),
      );
      savedRows.push(saved);
      results.push({ changed, saved });
    }
    await this.store.saveGoldens(saves, history, components, now);
    await this.syncErp(savedRows, erp, now);
    return results;
  }

  /**
   * A customer the ERP does not hold gets exactly one creation request, once it has what the ERP
   * requires; until then a steward task says what is missing. An ERP record in the golden record
   * means the ERP holds it. `states`: where each stands with the ERP, locked (`loadRecomputation`).
   */
  private async syncErp(goldens: GoldenRow[], states: Map<string, ErpSyncRow>, now: Date): Promise<void> {
    const erp = this.rules.erp;
    if (!erp || goldens.length === 0) return;
    const created: { goldenId: string; erpSourceId: string; reason: string }[] = [];
    const incomplete: { goldenId: string; missing: string[]; priority: number; details: Record<string, unknown> }[] = [];
    const complete: { golden: GoldenRow; requestId: string; account: Extract<ReturnType<typeof decideErpSync>, { action: 'request' }>['account'] }[] = [];
    for (const golden of new Map(goldens.map((g) => [g.id, g])).values()) {
      const current = states.get(golden.id);
      const erpRecord = golden.sources.find((s) => s.source === erp.policy.source);
      if (erpRecord) {
        // the task closes when the ERP record arrives; none is opened for a golden record the ERP holds
        if (current?.status !== 'created') created.push({ goldenId: golden.id, erpSourceId: erpRecord.sourceId, reason: `the ERP holds it as ${erpRecord.sourceId}` });
        continue;
      }
      const decision = decideErpSync(golden, erp.policy, erp.profiles);
      if (decision.action === 'none') continue;
      if (current && current.status !== 'incomplete') continue;
      if (decision.action === 'incomplete') {
        incomplete.push({ goldenId: golden.id, missing: decision.missing, priority: 50, details: { profile: decision.profile, missing: decision.missing } });
        continue;
      }
      complete.push({ golden, requestId: randomUUID(), account: decision.account });
    }
    const requested = await new ErpSyncStore(this.db).recordDecisions(
      {
        created,
        incomplete,
        requests: complete.map((c) => ({ goldenId: c.golden.id, requestId: c.requestId })),
        taskType: 'erp-incomplete',
        requestedReason: 'complete: the creation request was sent',
      },
      now,
    );
    for (const { golden, requestId, account } of complete.filter((c) => requested.has(c.golden.id))) {
      this.outbox.push(erpRequestMessage(this.rules.topics, { requestId, goldenId: golden.id, kind: golden.kind, account, at: now }));
    }
  }
}
